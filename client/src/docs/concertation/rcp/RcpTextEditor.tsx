// One field of the fiche (discussion, proposition, décision): Tiptap bound to its fragment in the case's document,
// with colleagues' named carets, as the protocol's body is. Read-only once the meeting is validated or the decision
// reported.
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { useEffect } from 'react';
import type * as Y from 'yjs';
import { rcpFragment, type RcpTextField } from '@maillage/shared';
import type { Profile } from '../../../workspace/profile';
import { colorFor } from '../../../sync/colors';
import { awarenessOf } from '../../../sync/awarenessOf';

interface Props {
  doc: Y.Doc;
  profile: Profile;
  meetingId: string;
  field: RcpTextField;
  label: string;
  readOnly: boolean;
}

export function RcpTextEditor({ doc, profile, meetingId, field, label, readOnly }: Props) {
  const labelId = `rcp-${field}-label`;
  const editor = useEditor(
    {
      extensions: [
        // Yjs keeps the undo history (per author), so StarterKit's own must be off.
        StarterKit.configure({ undoRedo: false, heading: false, link: false }),
        Collaboration.configure({ fragment: rcpFragment(doc, meetingId, field) }),
        // Bound to the document's awareness, not to its provider: the editor, and the member's focus in it, stay
        // when the provider comes (the case's gate opening while they type). Carets show while it is connected.
        CollaborationCaret.configure({
          provider: { awareness: awarenessOf(doc) },
          user: { name: profile.name, color: colorFor(profile.name) },
        }),
      ],
      editable: !readOnly,
      editorProps: {
        attributes: {
          'aria-labelledby': labelId,
          'aria-multiline': 'true',
          'aria-readonly': String(readOnly),
          role: 'textbox',
          class: 'prose rcp-text',
          'data-testid': `rcp-${field}`,
        },
      },
    },
    [doc, meetingId, field],
  );
  useEffect(() => {
    if (editor && editor.isEditable === readOnly) editor.setEditable(!readOnly);
  }, [editor, readOnly]);
  return (
    <div className="stack tight rcp-field">
      <span id={labelId} className="label">
        {label}
      </span>
      <div className="rcp-editor">
        <EditorContent editor={editor} />
      </div>
    </div>
  );
}

// The protocol's rich-text body: Tiptap bound to the Y.Doc, with colleagues' named carets and Yjs undo.
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { PROTOCOL_BODY_FIELD } from '@maillage/shared';
import type { Profile } from '../../workspace/profile';
import { colorFor } from '../../sync/colors';

interface Props {
  doc: Y.Doc;
  provider: WebsocketProvider;
  profile: Profile;
  readOnly: boolean;
}

export function ProtocolBodyEditor({ doc, provider, profile, readOnly }: Props) {
  const { t } = useTranslation();
  const editor = useEditor(
    {
      extensions: [
        // Yjs keeps the undo history (per author), so StarterKit's own must be off.
        StarterKit.configure({ undoRedo: false, heading: { levels: [2, 3] } }),
        Collaboration.configure({ document: doc, field: PROTOCOL_BODY_FIELD }),
        CollaborationCaret.configure({ provider, user: { name: profile.name, color: colorFor(profile.name) } }),
      ],
      editable: !readOnly,
      editorProps: { attributes: { 'aria-label': t('protocol.body'), 'aria-multiline': 'true', role: 'textbox', class: 'prose' } },
    },
    [doc, provider, readOnly],
  );

  return (
    <section className="card body-editor" aria-label={t('protocol.body')}>
      {editor && !readOnly ? <Toolbar editor={editor} /> : null}
      <EditorContent editor={editor} />
    </section>
  );
}

function Toolbar({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const chain = () => editor.chain().focus();
  const buttons: [string, string, () => void, boolean][] = [
    ['h2', 'H2', () => chain().toggleHeading({ level: 2 }).run(), editor.isActive('heading', { level: 2 })],
    ['h3', 'H3', () => chain().toggleHeading({ level: 3 }).run(), editor.isActive('heading', { level: 3 })],
    ['bold', 'G', () => chain().toggleBold().run(), editor.isActive('bold')],
    ['italic', 'I', () => chain().toggleItalic().run(), editor.isActive('italic')],
    ['bulletList', '•', () => chain().toggleBulletList().run(), editor.isActive('bulletList')],
    ['orderedList', '1.', () => chain().toggleOrderedList().run(), editor.isActive('orderedList')],
    ['undo', '↶', () => chain().undo().run(), false],
    ['redo', '↷', () => chain().redo().run(), false],
  ];
  return (
    <div role="toolbar" aria-label={t('protocol.toolbar')} className="toolbar no-print">
      {buttons.map(([key, glyph, run, active]) => (
        <button key={key} type="button" className="tool" aria-label={t(`protocol.${key}`)} title={t(`protocol.${key}`)} aria-pressed={active} onMouseDown={(e) => e.preventDefault()} onClick={run}>
          {glyph}
        </button>
      ))}
    </div>
  );
}

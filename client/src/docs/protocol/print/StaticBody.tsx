// The body as read-only rich text (a version, the print view): same schema as the editor, no collaboration, no hints.
import { useEffect } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { protocolBody } from '@maillage/shared';
import { bodyExtensions } from '../body/extensions';
import { withoutTemplateGuidance, type PmJson } from './withoutGuidance';

/** The body as the print view shows it: without the first template's guidance (withoutGuidance.ts). */
const printable = (doc: Y.Doc) => withoutTemplateGuidance(yXmlFragmentToProsemirrorJSON(protocolBody(doc)) as PmJson);

export function StaticBody({ doc }: { doc: Y.Doc }) {
  const { t } = useTranslation();
  const editor = useEditor({
    extensions: bodyExtensions(),
    editable: false,
    content: printable(doc),
    editorProps: { attributes: { 'aria-label': t('protocol.body'), class: 'prose' } },
  });
  useEffect(() => {
    if (!editor) return;
    const body = protocolBody(doc);
    const refresh = () => editor.commands.setContent(printable(doc));
    refresh();
    body.observeDeep(refresh);
    return () => body.unobserveDeep(refresh);
  }, [editor, doc]);
  return <EditorContent editor={editor} className="static-body" />;
}

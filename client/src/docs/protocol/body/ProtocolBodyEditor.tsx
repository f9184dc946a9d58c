// The protocol's rich-text body, with its toolbar; the editor itself comes from the screen (comments use it too).
import { EditorContent, type Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { BodyToolbar } from './BodyToolbar';

interface Props {
  editor: Editor | null;
  canWrite: boolean;
  canComment: boolean;
  onComment: () => void;
  label?: string;
}

export function ProtocolBodyEditor({ editor, canWrite, canComment, onComment, label }: Props) {
  const { t } = useTranslation();
  return (
    <section className="card body-editor" aria-label={label ?? t('protocol.body')}>
      {editor ? (
        <BodyToolbar editor={editor} canWrite={canWrite} canComment={canComment} onComment={onComment} />
      ) : null}
      <EditorContent editor={editor} />
    </section>
  );
}

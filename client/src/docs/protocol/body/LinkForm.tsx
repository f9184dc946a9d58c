// Adds, changes or removes the link on the selected words: web and mail addresses only, checked before they are set.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/react';

const SAFE_URL = /^(https?:\/\/|mailto:)[^\s<>"]+$/i;

export function LinkForm({ editor, onDone }: { editor: Editor; onDone: () => void }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState(() => (editor.getAttributes('link').href as string | undefined) ?? 'https://');
  const [error, setError] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const href = /^www\./i.test(url.trim()) ? `https://${url.trim()}` : url.trim();
    if (!SAFE_URL.test(href)) return setError(true);
    editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
    onDone();
  };
  return (
    <form className="row link-form" onSubmit={submit} noValidate>
      <label htmlFor="link-url">{t('body.linkUrl')}</label>
      <input
        id="link-url"
        type="url"
        value={url}
        autoFocus
        aria-invalid={error || undefined}
        aria-describedby={error ? 'link-url-error' : undefined}
        onChange={(e) => {
          setUrl(e.target.value);
          setError(false);
        }}
      />
      <button type="submit" className="small primary">
        {t('body.linkApply')}
      </button>
      {editor.isActive('link') ? (
        <button
          type="button"
          className="small"
          onClick={() => {
            editor.chain().focus().unsetLink().run();
            onDone();
          }}
        >
          {t('body.linkRemove')}
        </button>
      ) : null}
      <button type="button" className="small ghost" onClick={onDone}>
        {t('body.linkClose')}
      </button>
      {error ? (
        <p id="link-url-error" className="error" role="alert">
          {t('body.linkInvalid')}
        </p>
      ) : null}
    </form>
  );
}

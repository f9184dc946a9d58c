// When a screen cannot be shown (its code could not load offline, or it failed): say so in French, lose nothing, offer a retry.
import { useTranslation } from 'react-i18next';
import { Layout } from './Layout';

export function ScreenError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const offline = typeof navigator !== 'undefined' && !navigator.onLine;
  const chunk =
    error instanceof Error &&
    /dynamically imported module|Failed to fetch|Importing a module script failed/i.test(error.message);
  return (
    <Layout>
      <div className="narrow stack">
        <h1>{t('screenError.title')}</h1>
        <p role="alert">{t(offline || chunk ? 'screenError.offline' : 'screenError.failed')}</p>
        <p className="muted">{t('screenError.nothingLost')}</p>
        <div className="row">
          <button type="button" className="primary" onClick={() => location.reload()}>
            {t('screenError.retry')}
          </button>
          <a className="button" href="/">
            {t('screenError.home')}
          </a>
        </div>
      </div>
    </Layout>
  );
}

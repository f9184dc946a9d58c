// The frame of every screen: skip link, header (home, sync state, language), main landmark.
import type { ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n';
import { useOverallSync } from '../sync/syncRegistry';
import { SyncIndicator } from './SyncIndicator';

export function Layout({ children, title }: { children: ReactNode; title?: string }) {
  const { t, i18n } = useTranslation();
  const sync = useOverallSync();
  return (
    <>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="topbar no-print">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        {title ? <span className="workspace-name">{title}</span> : null}
        <div className="spacer" />
        <SyncIndicator status={sync} />
        <button
          type="button"
          className="ghost"
          lang={i18n.language === 'fr' ? 'en' : 'fr'}
          onClick={() => void setLanguage(i18n.language === 'fr' ? 'en' : 'fr')}
        >
          {t('nav.switchTo')}
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

// The frame of a screen outside a workspace (the list of workspaces, joining, the profile): skip link, header (home,
// sync state, language), main landmark. Inside a workspace the shell is the frame, and a screen's Layout steps aside.
import { createContext, useContext, type ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n';
import { useOverallSync } from '../sync/syncRegistry';
import { SyncIndicator } from './SyncIndicator';

/** True below the workspace's shell, which already draws the header, the navigation and the main landmark. */
export const InShell = createContext(false);

export function Layout({ children, title }: { children: ReactNode; title?: string }) {
  if (useContext(InShell)) return <>{children}</>;
  return <Frame title={title}>{children}</Frame>;
}

function Frame({ children, title }: { children: ReactNode; title?: string }) {
  const { t } = useTranslation();
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
        <LanguageSwitch />
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

export function LanguageSwitch({ className = 'ghost' }: { className?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <button
      type="button"
      className={className}
      lang={i18n.language === 'fr' ? 'en' : 'fr'}
      onClick={() => void setLanguage(i18n.language === 'fr' ? 'en' : 'fr')}
    >
      {t('nav.switchTo')}
    </button>
  );
}

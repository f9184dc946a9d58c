// The frame of every screen of a workspace: its name, the sections (a sidebar on a computer, a menu that folds
// out under the top bar on a phone), the one sync status, and the screen itself in the main landmark.
import { lazy, Suspense, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link, useLocation } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Menu, MessageSquareWarning, X } from 'lucide-react';
import { InShell, LanguageSwitch } from '../../ui/Layout';
import { SyncIndicator } from '../../ui/SyncIndicator';
import { useOverallSync } from '../../sync/syncRegistry';
import { OnDeviceCount } from '../../sync/background/OnDeviceCount';
import { OnDeviceNotices } from '../../sync/background/OnDeviceNotices';
import { useCatalogue } from '../../docs/catalogue/useCatalogue';
import { useQualityReferents } from '../../docs/adverseEvent/useQualityReferents';
import { useRegisterReadAhead } from '../../docs/adverseEvent/useRegister';
import { useWorkspace } from '../WorkspaceContext';
import { useNeedsMe } from '../home/NeedsMeContext';
import { activeCrises } from '@maillage/shared';
import { sectionOf, sectionsFor } from './sections';
import './navStrings';
import './shell.css';

// Its code and strings load only while a crisis is active.
const CrisisBanner = lazy(() => import('../../docs/crisisActivation/CrisisBanner'));

export function WorkspaceShell({ workspaceId, children }: { workspaceId: string; children: ReactNode }) {
  const { t } = useTranslation();
  const row = useWorkspace();
  const { name, items } = useCatalogue(workspaceId);
  // The catalogue, synced by every open workspace, says a crisis is active: nothing else need be opened.
  const crises = useMemo(() => activeCrises(items), [items]);
  const sync = useOverallSync();
  const { count } = useNeedsMe();
  const qualityReferent = useQualityReferents().includes(row.memberId);
  const offersQuality = row.role === 'coordinator' || qualityReferent;
  useEffect(() => {
    // The dashboard's charts are their own chunk: fetched when idle for those who may open it, so they draw offline.
    if (!offersQuality || !('requestIdleCallback' in window)) return;
    const id = requestIdleCallback(() => void import('../../docs/quality/BarChartView').catch(() => undefined));
    return () => cancelIdleCallback(id);
  }, [offersQuality]);
  useRegisterReadAhead();
  const pathname = useLocation({ select: (l) => l.pathname });
  const here = sectionOf(pathname, workspaceId);
  const [open, setOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const title = name || row.name;

  return (
    <InShell.Provider value={true}>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <div className="shell">
        <header
          className="shell-bar no-print"
          onKeyDown={(e) => {
            // Échap folds the phone's menu and gives the focus back to its button.
            if (e.key !== 'Escape' || !open) return;
            setOpen(false);
            menuButton.current?.focus();
          }}
        >
          <div className="shell-top">
            <button
              ref={menuButton}
              type="button"
              className="shell-menu-button ghost"
              aria-expanded={open}
              aria-controls="shell-menu"
              onClick={() => setOpen(!open)}
            >
              {open ? <X aria-hidden="true" size={20} /> : <Menu aria-hidden="true" size={20} />}
              <span>{t('shell.menu')}</span>
            </button>
            <div className="shell-title">
              <Link to="/" className="shell-brand">
                {t('app.name')}
              </Link>
              <span className="shell-workspace" title={title}>
                {title}
              </span>
            </div>
            {/* One tap from every screen, outside the folded menu: reporting must never be a search. */}
            <Link
              to="/w/$workspaceId/evenements/signaler"
              params={{ workspaceId }}
              className="shell-report button"
              aria-label={t('shell.report')}
              onClick={() => setOpen(false)}
            >
              <MessageSquareWarning aria-hidden="true" size={18} />
              <span className="shell-report-long">{t('shell.report')}</span>
              <span className="shell-report-short">{t('shell.reportShort')}</span>
            </Link>
            {/* Its line is kept while nothing syncs yet: the sections under it never move as a page opens. */}
            <div className="shell-sync">
              <SyncIndicator status={sync} />
            </div>
          </div>
          {/* What happened to this device's copies (rare): under the sync state, in the sidebar or under a phone's bar. */}
          <OnDeviceNotices workspaceId={workspaceId} />
          <div id="shell-menu" className={open ? 'shell-menu open' : 'shell-menu'}>
            <nav aria-label={t('shell.nav')}>
              <ul className="shell-sections">
                {sectionsFor(row.role, qualityReferent).map((section) => {
                  const Icon = section.icon;
                  const inside = here?.key === section.key && !here.own;
                  return (
                    <li key={section.key}>
                      <Link
                        to={section.to}
                        params={{ workspaceId }}
                        activeOptions={{ exact: true, includeSearch: false }}
                        aria-current={inside ? 'true' : undefined}
                        className={here?.key === section.key ? 'shell-link here' : 'shell-link'}
                        onClick={() => setOpen(false)}
                      >
                        <Icon aria-hidden="true" size={18} />
                        <span className="grow-text">{t(`shell.sections.${section.key}`)}</span>
                        {section.key === 'home' && count > 0 ? (
                          <>
                            <span className="shell-count" aria-hidden="true">
                              {count}
                            </span>
                            <span className="visually-hidden">, {t('shell.waiting', { count })}</span>
                          </>
                        ) : null}
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </nav>
            <div className="shell-foot">
              <Link
                to="/w/$workspaceId/appareil"
                params={{ workspaceId }}
                className="shell-link"
                activeOptions={{ exact: true }}
                onClick={() => setOpen(false)}
              >
                {t('shell.device')}
              </Link>
              <Link to="/" className="shell-link" onClick={() => setOpen(false)}>
                {t('shell.workspaces')}
              </Link>
              <LanguageSwitch className="ghost small" />
            </div>
            {/* Documents still arriving: last in the sidebar, in a line kept for it, or in a phone's folded menu. */}
            <OnDeviceCount />
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          {crises.map((crisis) => (
            <Suspense key={crisis.docId} fallback={null}>
              <CrisisBanner workspaceId={workspaceId} crisis={crisis} />
            </Suspense>
          ))}
          {children}
        </main>
      </div>
    </InShell.Provider>
  );
}

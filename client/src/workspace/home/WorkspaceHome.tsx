// « Accueil »: what waits for me first, then the documents changed lately and who is online; inviting a colleague
// and adding one of my devices start here, and so does saving the root key right after creating the workspace.
import { lazy, Suspense, useMemo, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Layout } from '../../ui/Layout';
import { formatDate } from '../../i18n';
import { Presence } from '../../sync/Presence';
import { useCatalogue } from '../../docs/catalogue/useCatalogue';
import { useDirectory } from '../../docs/directory/DirectoryContext';
import { ForYou } from '../../docs/catalogue/ForYou';
import { catalogueItemLink, catalogueStatusKey } from '../../docs/catalogue/catalogueItem';
import { useWorkspace } from '../WorkspaceContext';
import { backupOffered } from '../keys';
import { useNeedsMe } from './NeedsMeContext';
import { UpcomingMeetings } from './UpcomingMeetings';
import '../shell/navStrings';

const InvitePanel = lazy(() => import('../../docs/catalogue/InvitePanel'));
const AddDevicePanel = lazy(() => import('../AddDevicePanel'));
const BackupPanel = lazy(() => import('../BackupPanel'));

/** Enough to pick up where one left off; the rest is one tap away in its section. */
const RECENT = 8;

export default function WorkspaceHome({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const { opened, items, territory } = useCatalogue(workspaceId);
  const directory = useDirectory();
  const needs = useNeedsMe();
  const [inviting, setInviting] = useState(false);
  const [addingDevice, setAddingDevice] = useState(false);
  const [unsavedKey, setUnsavedKey] = useState(() => backupOffered(workspaceId));
  const recent = useMemo(
    () =>
      items
        .filter((i) => !i.deletedAt)
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
        .slice(0, RECENT),
    [items],
  );

  return (
    <Layout>
      <div className="page stack workspace-home">
        <div className="row">
          <h1>{t('workspaceHome.title')}</h1>
          <div className="spacer" />
          <button type="button" className="ghost" onClick={() => setAddingDevice(true)}>
            {t('device.open')}
          </button>
          {workspace.rootKey || workspace.delegateKey ? (
            <button type="button" onClick={() => setInviting(true)}>
              {t('invite.open')}
            </button>
          ) : null}
        </div>
        {territory.length > 0 ? (
          <p className="muted">{t('catalogue.territory', { communes: territory.join(', ') })}</p>
        ) : null}
        {workspace.role === 'observer' ? <p className="muted">{t('roles.readOnly')}</p> : null}
        {unsavedKey ? (
          <Suspense fallback={null}>
            <BackupPanel jwk={unsavedKey} onDone={() => setUnsavedKey(null)} />
          </Suspense>
        ) : null}
        {inviting ? (
          <Suspense fallback={null}>
            <InvitePanel onClose={() => setInviting(false)} />
          </Suspense>
        ) : null}
        {addingDevice ? (
          <Suspense fallback={null}>
            <AddDevicePanel onClose={() => setAddingDevice(false)} />
          </Suspense>
        ) : null}
        <ForYou workspaceId={workspaceId} catalogue={opened?.doc ?? null} needs={needs} items={items} />
        <UpcomingMeetings workspaceId={workspaceId} items={items} />
        <section className="stack" aria-labelledby="home-recent">
          <h2 id="home-recent">{t('workspaceHome.recent')}</h2>
          {recent.length === 0 ? <p className="empty">{t('workspaceHome.recentEmpty')}</p> : null}
          <ul className="list" aria-labelledby="home-recent">
            {recent.map((item) => (
              <li key={item.docId}>
                <Link {...catalogueItemLink(workspaceId, item)} className="list-title">
                  {item.title || t('catalogue.untitled')}
                </Link>
                <span className="badge">{t(catalogueStatusKey(item))}</span>
                <span className="muted">{t('catalogue.updated', { date: formatDate(item.updatedAt) })}</span>
              </li>
            ))}
          </ul>
        </section>
        {directory.opened ? (
          <section className="stack" aria-labelledby="home-online">
            <h2 id="home-online">{t('workspaceHome.online')}</h2>
            <Presence provider={directory.opened.sync.provider} label={t('catalogue.online')} />
          </section>
        ) : null}
      </div>
    </Layout>
  );
}

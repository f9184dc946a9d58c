// The workspace's catalogue: every document, searchable and sortable, with a bin that can be undone.
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CatalogueItem } from '@maillage/shared';
import { Layout } from '../../ui/Layout';
import { Toast, type ToastState } from '../../ui/Toast';
import { matches } from '../../ui/search';
import { formatDate } from '../../i18n';
import { useCatalogue } from './useCatalogue';
import { moveToBin, newProtocol, restoreFromBin, type ProtocolStart } from './catalogueActions';
import { useExcerpts } from './useExcerpts';
import { catalogueItemLink, catalogueStatusKey } from './catalogueItem';

const InvitePanel = lazy(() => import('./InvitePanel'));
const AddDevicePanel = lazy(() => import('../../workspace/AddDevicePanel'));
const BackupPanel = lazy(() => import('../../workspace/BackupPanel'));
import { useWorkspace } from '../../workspace/WorkspaceScreen';
import { backupOffered } from '../../workspace/keys';
import { useDirectory } from '../directory/DirectoryContext';
import { Presence } from '../../sync/Presence';

type SortKey = 'updated' | 'title' | 'status';
/** Rows rendered at first: a thousand-line list is searched, not scrolled, and rendering it all costs ~0.3 s. */
const PAGE = 100;
const sorters: Record<SortKey, (a: CatalogueItem, b: CatalogueItem) => number> = {
  updated: (a, b) => b.updatedAt.localeCompare(a.updatedAt),
  title: (a, b) => a.title.localeCompare(b.title, 'fr'),
  status: (a, b) => a.status.localeCompare(b.status) || a.title.localeCompare(b.title, 'fr'),
};

export function CatalogueScreen({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { opened, items, name, territory } = useCatalogue(workspaceId);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortKey>('updated');
  const [showBin, setShowBin] = useState(false);
  const [toast, setToast] = useState<ToastState | null>(null);
  const excerpts = useExcerpts(workspaceId, items);
  const workspace = useWorkspace();
  const directory = useDirectory();
  const canWrite = workspace.role !== 'observer';
  const [inviting, setInviting] = useState(false);
  const [addingDevice, setAddingDevice] = useState(false);
  const [unsavedKey, setUnsavedKey] = useState(() => backupOffered(workspaceId));
  const [limit, setLimit] = useState(PAGE);

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), 8000);
    return () => clearTimeout(timer);
  }, [toast]);

  const live = useMemo(() => items.filter((i) => !i.deletedAt), [items]);
  const binned = useMemo(() => items.filter((i) => i.deletedAt), [items]);
  const shown = useMemo(() => live.filter((i) => matches(`${i.title} ${t(catalogueStatusKey(i))} ${excerpts.get(i.docId) ?? ''}`, query)).sort(sorters[sort]), [live, query, sort, t, excerpts]);

  const create = async (start: ProtocolStart = { kind: 'blank' }, title = t('protocol.newTitle')) => {
    if (!opened) return;
    const docId = await newProtocol(workspaceId, opened.doc, title, start);
    await navigate({ to: '/w/$workspaceId/protocols/$docId', params: { workspaceId, docId } });
  };

  const remove = (item: CatalogueItem) => {
    if (!opened || !window.confirm(t('catalogue.confirmDelete', { title: item.title }))) return;
    moveToBin(opened.doc, item.docId);
    setToast({ message: t('catalogue.deleted', { title: item.title }), actionLabel: t('catalogue.undo'), action: () => restoreFromBin(opened.doc, item.docId) });
  };

  return (
    <Layout title={name ?? undefined}>
      <div className="page stack">
        <div className="row">
          <h1>{t('catalogue.title')}</h1>
          <div className="spacer" />
          <button type="button" className="ghost" onClick={() => setAddingDevice(true)}>{t('device.open')}</button>
          {workspace.rootKey || workspace.delegateKey ? <button type="button" onClick={() => setInviting(true)}>{t('invite.open')}</button> : null}
          {canWrite ? <button type="button" onClick={() => void create({ kind: 'has' })} disabled={!opened}>{t('catalogue.fromHasTemplate')}</button> : null}
          {canWrite ? <button type="button" className="primary" onClick={() => void create()} disabled={!opened}>{t('catalogue.newProtocol')}</button> : null}
          {canWrite ? <Link to="/w/$workspaceId/dossiers/nouveau" params={{ workspaceId }} className="button">{t('care.newCase')}</Link> : null}
        </div>
        <nav className="row workspace-nav" aria-label={t('catalogue.nav')}>
          <Link to="/w/$workspaceId/annuaire" params={{ workspaceId }}>{t('directory.open')}</Link>
          <Link to="/w/$workspaceId/groupes" params={{ workspaceId }}>{t('groups.open')}</Link>
          {workspace.role === 'coordinator' ? <Link to="/w/$workspaceId/acces" params={{ workspaceId }}>{t('access.open')}</Link> : null}
        </nav>
        {territory.length > 0 ? <p className="muted">{t('catalogue.territory', { communes: territory.join(', ') })}</p> : null}
        {!canWrite ? <p className="muted">{t('roles.readOnly')}</p> : null}
        {directory.opened ? (
          <div className="row">
            <span className="muted">{t('catalogue.online')}</span>
            <Presence provider={directory.opened.sync.provider} label={t('catalogue.online')} />
          </div>
        ) : null}
        {unsavedKey ? <Suspense fallback={null}><BackupPanel jwk={unsavedKey} onDone={() => setUnsavedKey(null)} /></Suspense> : null}
        {inviting ? <Suspense fallback={null}><InvitePanel onClose={() => setInviting(false)} /></Suspense> : null}
        {addingDevice ? <Suspense fallback={null}><AddDevicePanel onClose={() => setAddingDevice(false)} /></Suspense> : null}
        <div className="row filters">
          <input type="search" aria-label={t('catalogue.search')} placeholder={t('catalogue.search')} value={query} onChange={(e) => setQuery(e.target.value)} />
          <label htmlFor="catalogue-sort">{t('catalogue.sortBy')}</label>
          <select id="catalogue-sort" value={sort} onChange={(e) => setSort(e.target.value as SortKey)}>
            {(Object.keys(sorters) as SortKey[]).map((key) => <option key={key} value={key}>{t(`catalogue.sort.${key}`)}</option>)}
          </select>
          <span className="muted">{t('catalogue.count', { count: shown.length })}</span>
        </div>
        {live.length === 0 ? <p className="empty">{t('catalogue.empty')}</p> : null}
        {live.length > 0 && shown.length === 0 ? <p className="empty">{t('catalogue.noMatch', { query })}</p> : null}
        <ul className="list" aria-label={t('catalogue.title')}>
          {shown.slice(0, limit).map((item) => (
            <li key={item.docId}>
              <Link {...catalogueItemLink(workspaceId, item)} className="list-title">{item.title || t('catalogue.untitled')}</Link>
              <span className="badge">{t(catalogueStatusKey(item))}</span>
              <span className="muted">{t('catalogue.updated', { date: formatDate(item.updatedAt) })}</span>
              {canWrite && item.kind === 'protocol' ? <button type="button" className="ghost small" onClick={() => void create({ kind: 'copy', from: item.docId }, t('catalogue.copyTitle', { title: item.title.slice(0, 180) }))} aria-label={`${t('catalogue.duplicate')} : ${item.title}`}>{t('catalogue.duplicate')}</button> : null}
              {canWrite ? <button type="button" className="ghost small" onClick={() => remove(item)} aria-label={`${t('catalogue.delete')} : ${item.title}`}>{t('catalogue.delete')}</button> : null}
            </li>
          ))}
        </ul>
        {shown.length > limit ? (
          <button type="button" className="ghost" onClick={() => setLimit(limit + PAGE * 5)}>
            {t('catalogue.more', { count: Math.min(PAGE * 5, shown.length - limit), total: shown.length })}
          </button>
        ) : null}
        {binned.length > 0 ? (
          <section className="stack">
            <button type="button" className="ghost" aria-expanded={showBin} onClick={() => setShowBin(!showBin)}>
              {showBin ? t('catalogue.hideBin') : t('catalogue.showBin', { count: binned.length })}
            </button>
            {showBin ? (
              <ul className="list" aria-label={t('catalogue.bin')}>
                {binned.map((item) => (
                  <li key={item.docId}>
                    <span className="list-title">{item.title}</span>
                    {canWrite ? <button type="button" className="small" onClick={() => opened && restoreFromBin(opened.doc, item.docId)}>{t('catalogue.restore')}</button> : null}
                  </li>
                ))}
              </ul>
            ) : null}
          </section>
        ) : null}
      </div>
      <Toast toast={toast} onClose={() => setToast(null)} />
    </Layout>
  );
}

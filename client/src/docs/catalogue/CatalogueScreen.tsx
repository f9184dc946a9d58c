// The workspace's home: what is for me (mentions, reviews due), then every document, searchable in full text,
// filterable and sortable, with a bin that can be undone.
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { parisToday } from '@maillage/shared';
import type { CatalogueItem } from '@maillage/shared';
import { Layout } from '../../ui/Layout';
import { Toast, useToast } from '../../ui/Toast';
import { useWorkspace } from '../../workspace/WorkspaceScreen';
import { backupOffered } from '../../workspace/keys';
import { Presence } from '../../sync/Presence';
import { useDirectory } from '../directory/DirectoryContext';
import { useGroups } from '../groups/GroupsContext';
import { useCatalogue } from './useCatalogue';
import { moveToBin, restoreFromBin } from './catalogueBin';
import type { ProtocolStart } from './catalogueActions';
import { useFullText } from './useFullText';
import { applyFilter, NO_FILTER, SORTERS, themesOf, type SortKey } from './catalogueFilters';
import { CatalogueFilters } from './CatalogueFilters';
import { CatalogueList } from './CatalogueList';
import { ForYou } from './ForYou';
import { catalogueStatusKey } from './catalogueItem';

const InvitePanel = lazy(() => import('./InvitePanel'));
const AddDevicePanel = lazy(() => import('../../workspace/AddDevicePanel'));
const BackupPanel = lazy(() => import('../../workspace/BackupPanel'));

/** Rows rendered at first: a thousand-line list is searched, not scrolled, and rendering it all costs ~0.3 s. */
const PAGE = 100;

export default function CatalogueScreen({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { opened, items, name, territory } = useCatalogue(workspaceId);
  const workspace = useWorkspace();
  const directory = useDirectory();
  const { groups } = useGroups();
  const canWrite = workspace.role !== 'observer';
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState(NO_FILTER);
  const [sort, setSort] = useState<SortKey>('updated');
  const [showBin, setShowBin] = useState(false);
  const [inviting, setInviting] = useState(false);
  const [addingDevice, setAddingDevice] = useState(false);
  const [unsavedKey, setUnsavedKey] = useState(() => backupOffered(workspaceId));
  const [limit, setLimit] = useState(PAGE);
  const { toast, show, close } = useToast();
  const today = parisToday();

  const live = useMemo(() => items.filter((i) => !i.deletedAt), [items]);
  const binned = useMemo(() => items.filter((i) => i.deletedAt), [items]);
  const statusLabel = useCallback((item: CatalogueItem) => t(catalogueStatusKey(item)), [t]);
  const hits = useFullText(workspaceId, live, query, statusLabel);
  const shown = useMemo(() => {
    const filtered = applyFilter(hits ? live.filter((i) => hits.has(i.docId)) : live, filter, today);
    return sort === 'relevance' && hits
      ? filtered.sort((a, b) => hits.get(b.docId)!.score - hits.get(a.docId)!.score)
      : filtered.sort(SORTERS[sort === 'relevance' ? 'updated' : sort]);
  }, [live, hits, filter, sort, today]);

  const create = async (start: ProtocolStart = { kind: 'blank' }, title = t('protocol.newTitle')) => {
    if (!opened) return;
    try {
      const { newProtocol } = await import('./catalogueActions');
      const docId = await newProtocol(workspaceId, opened.doc, title, workspace.memberId, start);
      await navigate({ to: '/w/$workspaceId/protocols/$docId', params: { workspaceId, docId }, search: {} });
    } catch (err) {
      show({
        message: t(err instanceof Error && 'key' in err && typeof err.key === 'string' ? err.key : 'errors.invalid'),
      });
    }
  };
  const duplicate = (item: CatalogueItem) =>
    void create({ kind: 'copy', from: item.docId }, t('catalogue.copyTitle', { title: item.title.slice(0, 180) }));
  const remove = (item: CatalogueItem) => {
    if (!opened || !window.confirm(t('catalogue.confirmDelete', { title: item.title }))) return;
    moveToBin(opened.doc, item.docId);
    show({
      message: t('catalogue.deleted', { title: item.title }),
      actionLabel: t('catalogue.undo'),
      action: () => restoreFromBin(opened.doc, item.docId),
    });
  };
  const search = (value: string) => {
    setQuery(value);
    if (value.trim() && sort === 'updated') setSort('relevance');
    if (!value.trim() && sort === 'relevance') setSort('updated');
  };

  return (
    <Layout title={name ?? undefined}>
      <div className="page stack">
        <div className="row">
          <h1>{t('catalogue.title')}</h1>
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
        {canWrite ? (
          <div className="row create-row" role="group" aria-label={t('catalogue.create')}>
            <button type="button" className="primary" onClick={() => void create()} disabled={!opened}>
              {t('catalogue.newProtocol')}
            </button>
            <button type="button" onClick={() => void create({ kind: 'has' })} disabled={!opened}>
              {t('catalogue.fromHasTemplate')}
            </button>
            <Link to="/w/$workspaceId/dossiers/nouveau" params={{ workspaceId }} className="button">
              {t('care.newCase')}
            </Link>
          </div>
        ) : null}
        <nav className="row workspace-nav" aria-label={t('catalogue.nav')}>
          <Link to="/w/$workspaceId/annuaire" params={{ workspaceId }}>
            {t('directory.open')}
          </Link>
          <Link to="/w/$workspaceId/groupes" params={{ workspaceId }}>
            {t('groups.open')}
          </Link>
          {workspace.role === 'coordinator' ? (
            <Link to="/w/$workspaceId/acces" params={{ workspaceId }}>
              {t('access.open')}
            </Link>
          ) : null}
        </nav>
        {territory.length > 0 ? (
          <p className="muted">{t('catalogue.territory', { communes: territory.join(', ') })}</p>
        ) : null}
        {!canWrite ? <p className="muted">{t('roles.readOnly')}</p> : null}
        {directory.opened ? (
          <div className="row">
            <span className="muted">{t('catalogue.online')}</span>
            <Presence provider={directory.opened.sync.provider} label={t('catalogue.online')} />
          </div>
        ) : null}
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
        {opened ? (
          <ForYou workspaceId={workspaceId} catalogue={opened.doc} memberId={workspace.memberId} items={live} />
        ) : null}
        <div className="row filters">
          <input
            type="search"
            aria-label={t('catalogue.search')}
            placeholder={t('catalogue.searchPlaceholder')}
            value={query}
            onChange={(e) => search(e.target.value)}
          />
          <label htmlFor="catalogue-sort">{t('catalogue.sortBy')}</label>
          <select id="catalogue-sort" value={sort} onChange={(e) => setSort(e.target.value as SortKey)}>
            {(['relevance', 'updated', 'title', 'status'] as const)
              .filter((k) => k !== 'relevance' || hits)
              .map((key) => (
                <option key={key} value={key}>
                  {t(`catalogue.sort.${key}`)}
                </option>
              ))}
          </select>
          <span className="muted" role="status">
            {t('catalogue.count', { count: shown.length })}
          </span>
        </div>
        <CatalogueFilters filter={filter} onChange={setFilter} themes={themesOf(live)} groups={groups} />
        {live.length === 0 ? (
          <p className="empty">{t(canWrite ? 'catalogue.empty' : 'catalogue.emptyReader')}</p>
        ) : null}
        {live.length > 0 && shown.length === 0 ? (
          <p className="empty">{query ? t('catalogue.noMatch', { query }) : t('catalogue.noFilterMatch')}</p>
        ) : null}
        <CatalogueList
          workspaceId={workspaceId}
          items={shown.slice(0, limit)}
          hits={hits}
          today={today}
          canWrite={canWrite}
          onDuplicate={duplicate}
          onDelete={remove}
        />
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
                    {canWrite ? (
                      <button
                        type="button"
                        className="small"
                        onClick={() => opened && restoreFromBin(opened.doc, item.docId)}
                      >
                        {t('catalogue.restore')}
                      </button>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : null}
          </section>
        ) : null}
      </div>
      <Toast toast={toast} onClose={close} />
    </Layout>
  );
}

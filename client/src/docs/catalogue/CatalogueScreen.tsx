// « Protocoles »: every protocol, searchable in full text, filterable and sortable, with a bin that can be undone;
// moving a validated or diffused one there is for its lead and the coordinators, after a confirmation.
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { mayBinProtocol, parisToday } from '@maillage/shared';
import type { CatalogueItem } from '@maillage/shared';
import { Layout } from '../../ui/Layout';
import { FilterSelect } from '../../ui/FilterSelect';
import { SearchBox } from '../../ui/SearchBox';
import { Toast, useToast } from '../../ui/Toast';
import { useWorkspace } from '../../workspace/WorkspaceContext';
import { useGroups } from '../groups/GroupsContext';
import { useCatalogue } from './useCatalogue';
import { moveToBin, restoreFromBin } from './catalogueBin';
import type { ProtocolStart } from './catalogueActions';
import { useFullText } from './useFullText';
import { useRankedSearch } from './useRankedSearch';
import { applyFilter, NO_FILTER, SORTERS, themesOf, type SortKey } from './catalogueFilters';
import { CatalogueFilters } from './CatalogueFilters';
import { CatalogueList } from './CatalogueList';
import { catalogueStatusKey } from './catalogueItem';
import '../../workspace/shell/navStrings';

// The confirmation's code (the dialog library) loads when a confirmation is first asked for.
const ConfirmDialog = lazy(() => import('../../ui/ConfirmDialog'));

/** Past a draft or a review, a protocol is the team's word: the confirmation says so. */
const IN_FORCE = new Set(['valide_equipe', 'soumis_cpam', 'valide_cpam', 'diffuse', 'en_revision', 'archive']);

/** Rows rendered at first: a thousand-line list is searched, not scrolled, and rendering it all costs ~0.3 s. */
const PAGE = 100;

export default function CatalogueScreen({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { opened, items: all } = useCatalogue(workspaceId);
  const items = useMemo(() => all.filter((i) => i.kind === 'protocol'), [all]);
  const workspace = useWorkspace();
  const { groups } = useGroups();
  const canWrite = workspace.role !== 'observer';
  const [filter, setFilter] = useState(NO_FILTER);
  const { query, search, sort, setSort } = useRankedSearch<SortKey>();
  const [showBin, setShowBin] = useState(false);
  const [binning, setBinning] = useState<CatalogueItem | null>(null);
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
  /** The protocol's lead: its working group's pilot, or its creator while it belongs to no group. */
  const leadOf = (item: CatalogueItem) =>
    item.groupId ? (groups.find((g) => g.groupId === item.groupId)?.lead ?? null) : (item.createdBy ?? null);
  const mayBin = (item: CatalogueItem) =>
    mayBinProtocol(item.status, { role: workspace.role, isLead: leadOf(item) === workspace.memberId });
  const remove = (item: CatalogueItem) => {
    setBinning(null);
    if (!opened) return;
    moveToBin(opened.doc, item.docId);
    show({
      message: t('catalogue.deleted', { title: item.title }),
      actionLabel: t('catalogue.undo'),
      action: () => restoreFromBin(opened.doc, item.docId),
      focus: true,
    });
  };

  return (
    <Layout>
      <div className="page stack">
        <h1>{t('catalogue.title')}</h1>
        {canWrite ? (
          <div className="row create-row" role="group" aria-label={t('catalogue.create')}>
            <button type="button" className="primary" onClick={() => void create()} disabled={!opened}>
              {t('catalogue.newProtocol')}
            </button>
            <button type="button" onClick={() => void create({ kind: 'has' })} disabled={!opened}>
              {t('catalogue.fromHasTemplate')}
            </button>
          </div>
        ) : (
          <p className="muted">{t('roles.readOnly')}</p>
        )}
        <div className="row filters" role="search">
          <SearchBox
            label={t('catalogue.search')}
            placeholder={t('catalogue.searchPlaceholder')}
            value={query}
            onChange={search}
          />
          <FilterSelect
            id="catalogue-sort"
            label={t('catalogue.sortBy')}
            value={sort}
            choices={(['relevance', 'updated', 'title', 'status'] as const)
              .filter((k) => k !== 'relevance' || hits)
              .map((key) => ({ value: key, label: t(`catalogue.sort.${key}`) }))}
            onChange={(key) => setSort(key)}
          />
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
          mayDelete={mayBin}
          onDuplicate={duplicate}
          onDelete={setBinning}
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
      {binning ? (
        <Suspense fallback={null}>
          <ConfirmDialog
            title={t('catalogue.confirmDeleteTitle', { title: binning.title || t('catalogue.untitled') })}
            confirmLabel={t('catalogue.delete')}
            danger
            onConfirm={() => remove(binning)}
            onCancel={() => setBinning(null)}
          >
            {IN_FORCE.has(binning.status) ? (
              <p>{t('catalogue.confirmDeleteInForce', { status: t(catalogueStatusKey(binning)) })}</p>
            ) : null}
            <p>{t('catalogue.confirmDeleteWhat')}</p>
          </ConfirmDialog>
        </Suspense>
      ) : null}
      <Toast toast={toast} onClose={close} />
    </Layout>
  );
}

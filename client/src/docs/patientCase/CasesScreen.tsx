// « Dossiers »: the patient cases whose care team I am on (open ones first), searched by what this device holds of
// them (patient, notes, actions), narrowed by status, sorted, and starting a new one. Each is listed under its
// neutral reference: the patient shows only inside the case, or in the snippet of a search its reader typed.
import { useCallback, useMemo, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CatalogueItem } from '@maillage/shared';
import { Layout } from '../../ui/Layout';
import { SearchBox } from '../../ui/SearchBox';
import { FilterSelect } from '../../ui/FilterSelect';
import { formatDate } from '../../i18n';
import { useWorkspace } from '../../workspace/WorkspaceContext';
import { useCatalogue } from '../catalogue/useCatalogue';
import { useFullText } from '../catalogue/useFullText';
import { useRankedSearch } from '../catalogue/useRankedSearch';
import { SearchSnippet } from '../catalogue/SearchSnippet';
import { catalogueItemLink, catalogueStatusKey } from '../catalogue/catalogueItem';
import { CASE_SORTS, CASE_STATUS_FILTERS, caseList, type CaseSort, type CaseStatusFilter } from './caseList';
import '../../workspace/shell/navStrings';

export default function CasesScreen({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const { role } = useWorkspace();
  const { items } = useCatalogue(workspaceId);
  const [status, setStatus] = useState<CaseStatusFilter>('all');
  const { query, search, sort, setSort } = useRankedSearch<CaseSort>();
  const cases = useMemo(() => items.filter((i) => i.kind === 'patientCase' && !i.deletedAt), [items]);
  const statusLabel = useCallback((item: CatalogueItem) => t(catalogueStatusKey(item)), [t]);
  const hits = useFullText(workspaceId, cases, query, statusLabel);
  const shown = useMemo(() => caseList(cases, hits, status, sort), [cases, hits, status, sort]);

  return (
    <Layout>
      <div className="page stack">
        <div className="row">
          <h1>{t('cases.title')}</h1>
          <div className="spacer" />
          {role !== 'observer' ? (
            <Link to="/w/$workspaceId/dossiers/nouveau" params={{ workspaceId }} className="button primary">
              {t('care.newCase')}
            </Link>
          ) : null}
        </div>
        <p className="muted">{t('cases.who')}</p>
        {cases.length === 0 ? (
          <p className="empty">{role === 'observer' ? t('cases.emptyReader') : t('cases.empty')}</p>
        ) : (
          <div className="row filters directory-filters" role="search">
            <SearchBox
              label={t('cases.search')}
              placeholder={t('cases.searchPlaceholder')}
              value={query}
              onChange={search}
            />
            <FilterSelect
              id="cases-status"
              label={t('cases.status')}
              value={status}
              choices={CASE_STATUS_FILTERS.map((s) => ({ value: s, label: t(`cases.statuses.${s}`) }))}
              onChange={setStatus}
            />
            <FilterSelect
              id="cases-sort"
              label={t('cases.sortBy')}
              value={sort}
              choices={CASE_SORTS.filter((s) => s !== 'relevance' || hits).map((s) => ({
                value: s,
                label: t(`cases.sorts.${s}`),
              }))}
              onChange={setSort}
            />
            <span className="muted" role="status">
              {t('cases.count', { count: shown.length })}
            </span>
          </div>
        )}
        {cases.length > 0 && shown.length === 0 ? (
          <p className="empty">
            {query.trim() ? t('cases.noMatch', { query: query.trim() }) : t('cases.noStatusMatch')}
          </p>
        ) : null}
        <ul className="list" aria-label={t('cases.title')}>
          {shown.map((item) => (
            <li key={item.docId}>
              <Link {...catalogueItemLink(workspaceId, item)} className="list-title">
                {item.title}
              </Link>
              <span className={`badge status-${item.status}`}>{t(catalogueStatusKey(item))}</span>
              <span className="muted">{t('catalogue.updated', { date: formatDate(item.updatedAt) })}</span>
              <SearchSnippet hit={hits?.get(item.docId)} />
            </li>
          ))}
        </ul>
      </div>
    </Layout>
  );
}

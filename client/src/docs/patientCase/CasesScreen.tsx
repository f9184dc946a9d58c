// « Dossiers »: the patient cases whose care team I am on (open ones first), searched by what this device holds of
// them (patient, notes, actions), narrowed by status, sorted, and starting a new one. Each is listed under its
// neutral reference: the patient shows only inside the case, or in the snippet of a search its reader typed.
import { useCallback, useMemo, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CatalogueItem } from '@maillage/shared';
import { Layout } from '../../ui/Layout';
import { SearchBox } from '../../ui/SearchBox';
import { formatDate } from '../../i18n';
import { useWorkspace } from '../../workspace/WorkspaceContext';
import { useCatalogue } from '../catalogue/useCatalogue';
import { useFullText } from '../catalogue/useFullText';
import { SearchSnippet } from '../catalogue/SearchSnippet';
import { catalogueItemLink, catalogueStatusKey } from '../catalogue/catalogueItem';
import { CASE_SORTS, CASE_STATUS_FILTERS, caseList, type CaseSort, type CaseStatusFilter } from './caseList';
import '../../workspace/shell/navStrings';

export default function CasesScreen({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const { role } = useWorkspace();
  const { items } = useCatalogue(workspaceId);
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<CaseStatusFilter>('all');
  const [sort, setSort] = useState<CaseSort>('updated');
  const cases = useMemo(() => items.filter((i) => i.kind === 'patientCase' && !i.deletedAt), [items]);
  const statusLabel = useCallback((item: CatalogueItem) => t(catalogueStatusKey(item)), [t]);
  const hits = useFullText(workspaceId, cases, query, statusLabel);
  const shown = useMemo(() => caseList(cases, hits, status, sort), [cases, hits, status, sort]);
  const search = (value: string) => {
    setQuery(value);
    // A search ranks by relevance until its reader picks another order; cleared, the usual order is back.
    if (value.trim() && sort === 'updated') setSort('relevance');
    if (!value.trim() && sort === 'relevance') setSort('updated');
  };

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
            <div className="field compact">
              <label htmlFor="cases-status">{t('cases.status')}</label>
              <select id="cases-status" value={status} onChange={(e) => setStatus(e.target.value as CaseStatusFilter)}>
                {CASE_STATUS_FILTERS.map((s) => (
                  <option key={s} value={s}>
                    {t(`cases.statuses.${s}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field compact">
              <label htmlFor="cases-sort">{t('cases.sortBy')}</label>
              <select id="cases-sort" value={sort} onChange={(e) => setSort(e.target.value as CaseSort)}>
                {CASE_SORTS.filter((s) => s !== 'relevance' || hits).map((s) => (
                  <option key={s} value={s}>
                    {t(`cases.sorts.${s}`)}
                  </option>
                ))}
              </select>
            </div>
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

// The register as every member reads it: date, category once qualified, severity, status, and the link to its REX
// note when there is one. No reporter, no narrative. Narrowed and sorted by its reader, downloaded as they see it; the
// latest rows first, the rest on request.
import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Download } from 'lucide-react';
import { EVENT_CATEGORIES, REPORT_STATUSES, SEVERITY_LEVELS, type RegisterRow, type Severity } from '@maillage/shared';
import { formatDate } from '../../i18n';
import { toCsv } from '../../ui/csv';
import { downloadFile } from '../../ui/download';
import { useShowMore } from './ShowMore';
import {
  REGISTER_SORTS,
  WHOLE_REGISTER,
  registerCsvRows,
  registerView,
  type RegisterFilter,
  type RegisterSort,
} from './registerView';

const COLUMNS = ['day', 'category', 'severity', 'status', 'rex'] as const;

/**
 * `withLesson`: the reports that have a REX note, each row then links to it. Drawn again only when its rows or notes
 * change, not each time the screen's lists of reports arrive (decision 0042).
 */
export const RegisterTable = memo(function RegisterTable({
  rows,
  withLesson,
}: {
  rows: RegisterRow[];
  withLesson: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<RegisterFilter>(WHOLE_REGISTER);
  const [sort, setSort] = useState<RegisterSort>('recent');
  const shownRows = useMemo(() => registerView(rows, filter, sort), [rows, filter, sort]);
  const { shown, more } = useShowMore(shownRows.length, t('adverse.register'));
  if (rows.length === 0) return <p className="empty">{t('adverse.registerEmpty')}</p>;
  const label = (column: (typeof COLUMNS)[number]) =>
    column === 'rex' ? t('adverse.rex.column') : t(`adverse.columns.${column}`);
  const category = (row: RegisterRow) =>
    row.category ? t(`adverse.categories.${row.category}`) : t('adverse.uncategorised');
  const download = () =>
    downloadFile(
      `registre-evenements-${new Date().toISOString().slice(0, 10)}.csv`,
      'text/csv;charset=utf-8',
      toCsv(
        registerCsvRows(shownRows, {
          header: [
            label('day'),
            label('category'),
            label('severity'),
            label('status'),
            t('adverse.registerView.nature'),
            t('adverse.registerView.eigs'),
          ],
          category,
          severity: (row) => t(`adverse.severityShort.${row.severity}`),
          status: (row) => t(`adverse.statuses.${row.status}`),
          nature: (row) => (row.nature ? t(`adverse.natures.${row.nature}`) : ''),
          eigs: (row) => (row.eigs ? t('adverse.registerView.yes') : ''),
        }),
      ),
    );
  return (
    <>
      <div className="row filters directory-filters" role="group" aria-label={t('adverse.registerView.narrow')}>
        <div className="field compact">
          <label htmlFor="register-status">{t('adverse.columns.status')}</label>
          <select
            id="register-status"
            value={filter.status}
            onChange={(e) => setFilter({ ...filter, status: e.target.value as RegisterFilter['status'] })}
          >
            <option value="">{t('adverse.registerView.allStatuses')}</option>
            {REPORT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`adverse.statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field compact">
          <label htmlFor="register-category">{t('adverse.columns.category')}</label>
          <select
            id="register-category"
            value={filter.category}
            onChange={(e) => setFilter({ ...filter, category: e.target.value as RegisterFilter['category'] })}
          >
            <option value="">{t('adverse.registerView.allCategories')}</option>
            {EVENT_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`adverse.categories.${c}`)}
              </option>
            ))}
            <option value="uncoded">{t('adverse.uncategorised')}</option>
          </select>
        </div>
        <div className="field compact">
          <label htmlFor="register-severity">{t('adverse.columns.severity')}</label>
          <select
            id="register-severity"
            value={filter.severity}
            onChange={(e) => setFilter({ ...filter, severity: Number(e.target.value) as Severity | 0 })}
          >
            <option value={0}>{t('adverse.registerView.allSeverities')}</option>
            {SEVERITY_LEVELS.map((s) => (
              <option key={s} value={s}>
                {t(`adverse.severityShort.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field compact">
          <label htmlFor="register-sort">{t('adverse.registerView.sortBy')}</label>
          <select id="register-sort" value={sort} onChange={(e) => setSort(e.target.value as RegisterSort)}>
            {REGISTER_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`adverse.registerView.sorts.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <span className="muted" role="status">
          {t('adverse.registerView.count', { count: shownRows.length })}
        </span>
        <button type="button" className="small" onClick={download} disabled={shownRows.length === 0}>
          <Download aria-hidden="true" size={16} /> {t('adverse.registerView.csv')}
        </button>
      </div>
      {shownRows.length === 0 ? (
        <p className="empty">{t('adverse.registerView.noMatch')}</p>
      ) : (
        <table className="register-table" role="table">
          <caption className="visually-hidden">{t('adverse.register')}</caption>
          <thead role="rowgroup">
            <tr role="row">
              {COLUMNS.map((column) => (
                <th key={column} scope="col" role="columnheader">
                  {label(column)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody role="rowgroup">
            {shownRows.slice(0, shown).map((row) => (
              <tr key={row.docId} role="row">
                <td role="cell" data-label={label('day')}>
                  {formatDate(`${row.day}T12:00:00Z`, false)}
                </td>
                <td role="cell" data-label={label('category')}>
                  {category(row)}
                </td>
                <td role="cell" data-label={label('severity')}>
                  {t(`adverse.severityShort.${row.severity}`)}
                </td>
                <td role="cell" data-label={label('status')}>
                  {t(`adverse.statuses.${row.status}`)}
                </td>
                <td role="cell" data-label={label('rex')}>
                  {withLesson.has(row.docId) ? <a href={`#rex-${row.docId}`}>{t('adverse.rex.link')}</a> : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {more}
    </>
  );
});

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
import { FilterSelect } from '../../ui/FilterSelect';
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
        <FilterSelect
          id="register-status"
          label={label('status')}
          value={filter.status}
          choices={[
            { value: '', label: t('adverse.registerView.allStatuses') },
            ...REPORT_STATUSES.map((s) => ({ value: s, label: t(`adverse.statuses.${s}`) })),
          ]}
          onChange={(status) => setFilter({ ...filter, status })}
        />
        <FilterSelect
          id="register-category"
          label={label('category')}
          value={filter.category}
          choices={[
            { value: '', label: t('adverse.registerView.allCategories') },
            ...EVENT_CATEGORIES.map((c) => ({ value: c, label: t(`adverse.categories.${c}`) })),
            { value: 'uncoded', label: t('adverse.uncategorised') },
          ]}
          onChange={(category) => setFilter({ ...filter, category })}
        />
        <FilterSelect
          id="register-severity"
          label={label('severity')}
          value={String(filter.severity)}
          choices={[
            { value: '0', label: t('adverse.registerView.allSeverities') },
            ...SEVERITY_LEVELS.map((s) => ({ value: String(s), label: t(`adverse.severityShort.${s}`) })),
          ]}
          onChange={(severity) => setFilter({ ...filter, severity: Number(severity) as Severity | 0 })}
        />
        <FilterSelect
          id="register-sort"
          label={t('adverse.registerView.sortBy')}
          value={sort}
          choices={REGISTER_SORTS.map((s) => ({ value: s, label: t(`adverse.registerView.sorts.${s}`) }))}
          onChange={setSort}
        />
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

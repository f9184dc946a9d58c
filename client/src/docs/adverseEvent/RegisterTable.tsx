// The register as every member reads it: date, category once qualified, severity, status, and the link to its REX
// note when there is one. No reporter, no narrative. The latest rows first, the rest on request.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterRow } from '@maillage/shared';
import { formatDate } from '../../i18n';
import { useShowMore } from './ShowMore';

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
  const { shown, more } = useShowMore(rows.length, t('adverse.register'));
  if (rows.length === 0) return <p className="empty">{t('adverse.registerEmpty')}</p>;
  return (
    <>
      <table className="register-table">
        <caption className="visually-hidden">{t('adverse.register')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('adverse.columns.day')}</th>
            <th scope="col">{t('adverse.columns.category')}</th>
            <th scope="col">{t('adverse.columns.severity')}</th>
            <th scope="col">{t('adverse.columns.status')}</th>
            <th scope="col">{t('adverse.rex.column')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, shown).map((row) => (
            <tr key={row.docId}>
              <td>{formatDate(`${row.day}T12:00:00Z`, false)}</td>
              <td>{row.category ? t(`adverse.categories.${row.category}`) : t('adverse.uncategorised')}</td>
              <td>{t(`adverse.severityShort.${row.severity}`)}</td>
              <td>{t(`adverse.statuses.${row.status}`)}</td>
              <td>{withLesson.has(row.docId) ? <a href={`#rex-${row.docId}`}>{t('adverse.rex.link')}</a> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {more}
    </>
  );
});

// The register as every member reads it: date, category once qualified, severity, status. No reporter, no narrative.
import { useTranslation } from 'react-i18next';
import type { RegisterRow } from '@maillage/shared';
import { formatDate } from '../../i18n';

export function RegisterTable({ rows }: { rows: RegisterRow[] }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <p className="empty">{t('adverse.registerEmpty')}</p>;
  return (
    <table className="register-table">
      <caption className="visually-hidden">{t('adverse.register')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('adverse.columns.day')}</th>
          <th scope="col">{t('adverse.columns.category')}</th>
          <th scope="col">{t('adverse.columns.severity')}</th>
          <th scope="col">{t('adverse.columns.status')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.docId}>
            <td>{formatDate(`${row.day}T12:00:00Z`, false)}</td>
            <td>{row.category ? t(`adverse.categories.${row.category}`) : t('adverse.uncategorised')}</td>
            <td>{t(`adverse.severityShort.${row.severity}`)}</td>
            <td>{t(`adverse.statuses.${row.status}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// The crisis cell: who sits in it (partners included) and their role.
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { cellMembers } from '@maillage/shared';
import { RowForm } from './RowForm';
import { CellInput } from './CellInput';

export function CellTable({ doc, readOnly }: { doc: Y.Doc; readOnly: boolean }) {
  const { t } = useTranslation();
  const rows = cellMembers.list(doc);
  const col = (key: string) => t(`crisisPlan.cell.${key}`);
  return (
    <div className="stack" aria-labelledby="plan-cell-title">
      <h3 id="plan-cell-title">{t('crisisPlan.cell.title')}</h3>
      <p className="muted small">{t('crisisPlan.cell.intro')}</p>
      {rows.length === 0 ? (
        <p className="empty">{t('crisisPlan.cell.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="plan-table">
            <caption className="visually-hidden">{t('crisisPlan.cell.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{col('name')}</th>
                <th scope="col">{col('organisation')}</th>
                <th scope="col">{col('role')}</th>
                <th scope="col">{col('phone')}</th>
                {readOnly ? null : <td />}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  {(['name', 'organisation', 'role', 'phone'] as const).map((f) => (
                    <td key={f}>
                      {readOnly ? (
                        r[f]
                      ) : (
                        <CellInput
                          id={`plan-cell-${r.id}-${f}`}
                          label={t('crisisPlan.cell.cellLabel', { column: col(f), name: r.name })}
                          value={r[f]}
                          type={f === 'phone' ? 'tel' : 'text'}
                          onSave={(value) => cellMembers.update(doc, r.id, { ...r, [f]: value })}
                        />
                      )}
                    </td>
                  ))}
                  {readOnly ? null : (
                    <td className="no-print">
                      <button
                        type="button"
                        className="ghost small"
                        aria-label={t('crisisPlan.cell.remove', { name: r.name })}
                        onClick={() => cellMembers.remove(doc, r.id)}
                      >
                        ✕
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {readOnly ? null : (
        <RowForm
          id="plan-cell-new"
          fields={[
            { key: 'name', label: col('name') },
            { key: 'organisation', label: col('organisation') },
            { key: 'role', label: col('role') },
            { key: 'phone', label: col('phone'), type: 'tel' },
          ]}
          submitLabel={t('crisisPlan.cell.add')}
          onAdd={(input) => cellMembers.add(doc, input)}
        />
      )}
    </div>
  );
}

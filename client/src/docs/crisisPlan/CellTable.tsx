// The crisis cell: who sits in it (partners included) and their role.
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { cellMembers } from '@maillage/shared';
import { RowForm } from './RowForm';
import { EditableTable } from './EditableTable';

export function CellTable({ doc, readOnly }: { doc: Y.Doc; readOnly: boolean }) {
  const { t } = useTranslation();
  const rows = cellMembers.list(doc);
  const col = (key: string) => t(`crisisPlan.cell.${key}`);
  return (
    <div className="stack" aria-labelledby="plan-cell-title">
      <h3 id="plan-cell-title">{t('crisisPlan.cell.title')}</h3>
      <p className="muted small">{t('crisisPlan.cell.intro')}</p>
      <EditableTable
        idPrefix="plan-cell"
        caption={t('crisisPlan.cell.title')}
        empty={t('crisisPlan.cell.empty')}
        rows={rows}
        columns={[
          { key: 'name', label: col('name') },
          { key: 'organisation', label: col('organisation') },
          { key: 'role', label: col('role') },
          { key: 'phone', label: col('phone'), type: 'tel' },
        ]}
        readOnly={readOnly}
        cellLabel={(column, r) => t('crisisPlan.cell.cellLabel', { column, name: r.name })}
        onSave={(r, f, value) => cellMembers.update(doc, r.id, { ...r, [f]: value })}
        rowName={(r) => r.name}
        removeLabel={(r) => t('crisisPlan.cell.remove', { name: r.name })}
        onRemove={(r) => cellMembers.remove(doc, r.id)}
      />
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

// Lieux mobilisables: the places the CPTS can use in a crisis, their capacity and the typologies they serve.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { crisisPlaces, type CrisisTypology } from '@maillage/shared';
import { RowForm } from './RowForm';
import { EditableTable } from './EditableTable';
import { TypologyChoices } from './TypologyChoices';

export function PlacesPanel({ doc, readOnly }: { doc: Y.Doc; readOnly: boolean }) {
  const { t } = useTranslation();
  const rows = crisisPlaces.list(doc);
  const [typologies, setTypologies] = useState<CrisisTypology[]>([]);
  const col = (key: string) => t(`crisisPlan.places.${key}`);
  return (
    <section className="card stack" id="plan-places" aria-labelledby="plan-places-title">
      <h2 id="plan-places-title">{col('title')}</h2>
      <EditableTable
        idPrefix="plan-place"
        caption={col('title')}
        empty={col('empty')}
        rows={rows}
        columns={[
          { key: 'name', label: col('name') },
          { key: 'address', label: col('address') },
          { key: 'capacity', label: col('capacity'), type: 'number' },
        ]}
        shown={{
          label: col('typologies'),
          cell: (p) => p.typologies.map((ty) => t(`crisisPlan.typologyShort.${ty}`)).join(', '),
        }}
        readOnly={readOnly}
        cellLabel={(column, p) => t('crisisPlan.places.cellLabel', { column, name: p.name })}
        onSave={(p, f, value) =>
          crisisPlaces.update(doc, p.id, {
            ...p,
            [f]: f === 'capacity' ? (value.trim() ? Number(value) : null) : value,
          })
        }
        rowName={(p) => p.name}
        removeLabel={(p) => t('crisisPlan.places.remove', { name: p.name })}
        onRemove={(p) => crisisPlaces.remove(doc, p.id)}
      />
      {readOnly ? null : (
        <RowForm
          id="plan-place-new"
          fields={[
            { key: 'name', label: col('name') },
            { key: 'address', label: col('address') },
            { key: 'capacity', label: col('capacity'), type: 'number' },
          ]}
          submitLabel={col('add')}
          toInput={(v) => ({ ...v, capacity: v.capacity?.trim() ? Number(v.capacity) : null, typologies })}
          onAdd={(input) => {
            const result = crisisPlaces.add(doc, input);
            if (result.ok) setTypologies([]);
            return result;
          }}
          extra={
            <TypologyChoices
              legend={col('typologies')}
              value={typologies}
              onChange={setTypologies}
              idPrefix="plan-place-new-typology"
            />
          }
        />
      )}
    </section>
  );
}

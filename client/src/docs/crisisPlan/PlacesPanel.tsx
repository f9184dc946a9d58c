// Lieux mobilisables: the places the CPTS can use in a crisis, their capacity and the typologies they serve.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { crisisPlaces, type CrisisTypology } from '@maillage/shared';
import { RowForm } from './RowForm';
import { CellInput } from './CellInput';
import { TypologyChoices } from './TypologyChoices';

export function PlacesPanel({ doc, readOnly }: { doc: Y.Doc; readOnly: boolean }) {
  const { t } = useTranslation();
  const rows = crisisPlaces.list(doc);
  const [typologies, setTypologies] = useState<CrisisTypology[]>([]);
  const col = (key: string) => t(`crisisPlan.places.${key}`);
  return (
    <section className="card stack" id="plan-places" aria-labelledby="plan-places-title">
      <h2 id="plan-places-title">{col('title')}</h2>
      {rows.length === 0 ? (
        <p className="empty">{col('empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="plan-table">
            <caption className="visually-hidden">{col('title')}</caption>
            <thead>
              <tr>
                <th scope="col">{col('name')}</th>
                <th scope="col">{col('address')}</th>
                <th scope="col">{col('capacity')}</th>
                <th scope="col">{col('typologies')}</th>
                {readOnly ? null : <td />}
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.id}>
                  {(['name', 'address', 'capacity'] as const).map((f) => (
                    <td key={f}>
                      {readOnly ? (
                        (p[f] ?? '')
                      ) : (
                        <CellInput
                          id={`plan-place-${p.id}-${f}`}
                          label={t('crisisPlan.places.cellLabel', { column: col(f), name: p.name })}
                          value={String(p[f] ?? '')}
                          type={f === 'capacity' ? 'number' : 'text'}
                          onSave={(value) =>
                            crisisPlaces.update(doc, p.id, {
                              ...p,
                              [f]: f === 'capacity' ? (value.trim() ? Number(value) : null) : value,
                            })
                          }
                        />
                      )}
                    </td>
                  ))}
                  <td>{p.typologies.map((ty) => t(`crisisPlan.typologyShort.${ty}`)).join(', ')}</td>
                  {readOnly ? null : (
                    <td className="no-print">
                      <button
                        type="button"
                        className="ghost small"
                        aria-label={t('crisisPlan.places.remove', { name: p.name })}
                        onClick={() => crisisPlaces.remove(doc, p.id)}
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

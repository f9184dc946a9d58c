// The steps, references and indicators as plain tables for reading and printing.
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { INDICATORS, readRows, REFERENCES, STEP_FIELDS, STEPS } from '@maillage/shared';

export function PrintTables({ doc }: { doc: Y.Doc }) {
  const { t } = useTranslation();
  const steps = readRows(doc, STEPS);
  const references = readRows(doc, REFERENCES);
  const indicators = readRows(doc, INDICATORS);
  return (
    <>
      {steps.length > 0 ? (
        <section className="print-section">
          <h2>{t('steps.title')}</h2>
          {/* Focusable: on a phone the keyboard scrolls it too. */}
          <div className="table-frame" tabIndex={0} role="region" aria-label={t('steps.title')}>
            <table className="print-table">
              <thead>
                <tr>
                  <th scope="col">{t('tables.order')}</th>
                  {STEP_FIELDS.map((f) => (
                    <th key={f} scope="col">
                      {t(`steps.${f}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {steps.map((row, i) => (
                  <tr key={row.id}>
                    <td>{i + 1}</td>
                    {STEP_FIELDS.map((f) => (
                      <td key={f}>{row.texts[f]}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      {references.length > 0 ? (
        <section className="print-section">
          <h2>{t('references.title')}</h2>
          <ul>
            {references.map((r) => (
              <li key={r.id}>
                {r.texts.source} <em>({t(`references.types.${r.choices.type}`)})</em>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {indicators.length > 0 ? (
        <section className="print-section">
          <h2>{t('indicators.title')}</h2>
          <div className="table-frame" tabIndex={0} role="region" aria-label={t('indicators.title')}>
            <table className="print-table">
              <thead>
                <tr>
                  {(['libelle', 'type', 'source', 'cible'] as const).map((f) => (
                    <th key={f} scope="col">
                      {t(`indicators.${f}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {indicators.map((r) => (
                  <tr key={r.id}>
                    <td>{r.texts.libelle}</td>
                    <td>{t(`indicators.types.${r.choices.type}`)}</td>
                    <td>{r.texts.source}</td>
                    <td>{r.texts.cible}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}

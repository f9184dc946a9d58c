// The protocol's structured parts: the steps table (with its CSV export), the references and the indicators.
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { INDICATOR_TYPES, INDICATORS, REFERENCE_TYPES, REFERENCES, STEP_FIELDS, STEPS } from '@maillage/shared';
import { downloadFile } from '../../../ui/download';
import { RowsTable } from './RowsTable';
import { stepsCsv } from './stepsCsv';

export function ProtocolTables({ doc, canWrite, title }: { doc: Y.Doc; canWrite: boolean; title: string }) {
  const { t } = useTranslation();
  const stepHeaders = {
    order: t('tables.order'),
    ...Object.fromEntries(STEP_FIELDS.map((f) => [f, t(`steps.${f}`)])),
  } as Parameters<typeof stepsCsv>[1];
  const exportSteps = () =>
    downloadFile(`${t('steps.fileName')} - ${title}.csv`, 'text/csv;charset=utf-8', stepsCsv(doc, stepHeaders));
  return (
    <>
      <section className="card stack" aria-labelledby="steps-title">
        <div className="row">
          <h2 id="steps-title">{t('steps.title')}</h2>
          <div className="spacer" />
          <button type="button" className="ghost small no-print" onClick={exportSteps}>
            {t('steps.export')}
          </button>
        </div>
        <p className="muted no-print">{t('steps.hint')}</p>
        <RowsTable
          doc={doc}
          kind={STEPS}
          numbered
          caption={t('steps.title')}
          rowName={t('steps.row')}
          canWrite={canWrite}
          columns={STEP_FIELDS.map((f) => ({ field: f, label: t(`steps.${f}`) }))}
        />
      </section>
      <section className="card stack" aria-labelledby="references-title">
        <h2 id="references-title">{t('references.title')}</h2>
        <p className="muted no-print">{t('references.hint')}</p>
        <RowsTable
          doc={doc}
          kind={REFERENCES}
          caption={t('references.title')}
          rowName={t('references.row')}
          canWrite={canWrite}
          columns={[
            { field: 'source', label: t('references.source') },
            {
              field: 'type',
              label: t('references.type'),
              options: REFERENCE_TYPES.map((v) => ({ value: v, label: t(`references.types.${v}`) })),
            },
          ]}
        />
      </section>
      <section className="card stack" aria-labelledby="indicators-title">
        <h2 id="indicators-title">{t('indicators.title')}</h2>
        <p className="muted no-print">{t('indicators.hint')}</p>
        <RowsTable
          doc={doc}
          kind={INDICATORS}
          caption={t('indicators.title')}
          rowName={t('indicators.row')}
          canWrite={canWrite}
          columns={[
            { field: 'libelle', label: t('indicators.libelle') },
            {
              field: 'type',
              label: t('indicators.type'),
              options: INDICATOR_TYPES.map((v) => ({ value: v, label: t(`indicators.types.${v}`) })),
            },
            { field: 'source', label: t('indicators.source') },
            { field: 'cible', label: t('indicators.cible') },
          ]}
        />
      </section>
    </>
  );
}

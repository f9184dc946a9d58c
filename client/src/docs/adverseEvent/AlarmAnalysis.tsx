// The ALARM analysis, co-written live by the référents: each part a text bound to its own Y.Text in the analysis room
// (the référents' room only; the reporter's devices never receive it).
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { ALARM_FAMILIES, ANALYSIS_MAX_LENGTH, analysisText, type AnalysisPart } from '@maillage/shared';
import { CollabText } from '../../ui/CollabText';

function Part({ doc, reportId, part }: { doc: Y.Doc; reportId: string; part: AnalysisPart }) {
  const { t } = useTranslation();
  const label = t(`adverse.analysis.parts.${part}`);
  return (
    <div className="field alarm-part">
      <span className="alarm-label" aria-hidden="true">
        {label}
      </span>
      <CollabText text={analysisText(doc, reportId, part)} label={label} maxLength={ANALYSIS_MAX_LENGTH} />
    </div>
  );
}

export function AlarmAnalysis({ doc, reportId }: { doc: Y.Doc; reportId: string }) {
  const { t } = useTranslation();
  return (
    <section className="stack card alarm" aria-labelledby="alarm-title">
      <h2 id="alarm-title">{t('adverse.analysis.title')}</h2>
      <p className="muted">{t('adverse.analysis.intro')}</p>
      <Part doc={doc} reportId={reportId} part="timeline" />
      <Part doc={doc} reportId={reportId} part="careFailures" />
      <h3>{t('adverse.analysis.factors')}</h3>
      {ALARM_FAMILIES.map((family) => (
        <Part key={family} doc={doc} reportId={reportId} part={`factor_${family}`} />
      ))}
      <Part doc={doc} reportId={reportId} part="rootCauses" />
      <Part doc={doc} reportId={reportId} part="barriers" />
    </section>
  );
}

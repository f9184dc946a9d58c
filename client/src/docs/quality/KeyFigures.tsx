// The year at a glance: events and EIGS, the part analysed, concertations held, protocols diffused and to review.
import { useTranslation } from 'react-i18next';
import type { QualityDashboard } from '@maillage/shared';

export function KeyFigures({ dashboard }: { dashboard: QualityDashboard }) {
  const { t } = useTranslation();
  const { events, concertations, protocols } = dashboard;
  const percent = (share: number | null) =>
    share === null ? t('quality.none') : t('quality.percent', { value: Math.round(share * 100) });
  const figures: [string, string][] = [
    [t('quality.events.total'), String(events.total)],
    [t('quality.events.eigs'), String(events.eigs)],
    [t('quality.events.analysed'), percent(events.shareAnalysed)],
    [t('quality.events.closed'), percent(events.shareClosed)],
    [t('quality.concertations.held'), String(concertations.heldListed)],
    [t('quality.concertations.cases'), String(concertations.casesDiscussed)],
    [t('quality.protocols.diffused'), String(protocols.diffused)],
    [t('quality.protocols.due'), String(protocols.dueForReview)],
    [t('quality.protocols.overdue'), String(protocols.overdue)],
  ];
  return (
    <dl className="key-figures" data-testid="key-figures">
      {figures.map(([label, value]) => (
        <div key={label} className="key-figure">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

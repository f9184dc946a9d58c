// The year at a glance: events and EIGS, the part analysed, concertations held, protocols diffused and to review.
import { useTranslation } from 'react-i18next';
import type { QualityDashboard } from '@maillage/shared';
import { crisisFigures } from './reportTables';

/** `eigsDeadlines`: on a quality référent's device, the EIGS whose volet 1 or 2 waits (null elsewhere). */
export function KeyFigures({
  dashboard,
  eigsDeadlines,
}: {
  dashboard: QualityDashboard;
  eigsDeadlines: number | null;
}) {
  const { t } = useTranslation();
  const { events, concertations, protocols, qualityPlan, crisis } = dashboard;
  const percent = (share: number | null) =>
    share === null ? t('quality.none') : t('quality.percent', { value: Math.round(share * 100) });
  const eigsDue: [string, string][] =
    eigsDeadlines === null ? [] : [[t('quality.eigsDeadlines'), String(eigsDeadlines)]];
  // Grouped under what they count, so that « Diffusés » or « Clos » say of what.
  const groups: { key: string; heading: string; figures: [string, string][] }[] = [
    {
      key: 'events',
      heading: t('quality.events.heading'),
      figures: [
        [t('quality.events.total'), String(events.total)],
        [t('quality.events.eigs'), String(events.eigs)],
        [t('quality.events.analysed'), percent(events.shareAnalysed)],
        [t('quality.events.closed'), percent(events.shareClosed)],
        ...eigsDue,
      ],
    },
    {
      key: 'plan',
      heading: t('quality.qualityPlan.heading'),
      figures: [
        [t('quality.qualityPlan.done'), percent(qualityPlan.shareDone)],
        [t('quality.qualityPlan.overdue'), String(qualityPlan.overdue)],
      ],
    },
    {
      key: 'concertations',
      heading: t('quality.concertations.heading'),
      figures: [
        [t('quality.concertations.held'), String(concertations.heldListed)],
        [t('quality.concertations.cases'), String(concertations.casesDiscussed)],
      ],
    },
    {
      key: 'protocols',
      heading: t('quality.protocols.heading'),
      figures: [
        [t('quality.protocols.diffused'), String(protocols.diffused)],
        [t('quality.protocols.due'), String(protocols.dueForReview)],
        [t('quality.protocols.overdue'), String(protocols.overdue)],
      ],
    },
    {
      key: 'crisis',
      heading: t('quality.crisis.heading'),
      figures: crisisFigures(t, crisis),
    },
  ];
  return (
    <section className="stack" aria-labelledby="figures-heading">
      <h2 id="figures-heading">{t('quality.atAGlance')}</h2>
      <div className="key-figure-groups" data-testid="key-figures">
        {groups.map((group) => (
          <div key={group.key}>
            <h3 className="key-figures-heading">{group.heading}</h3>
            <dl className="key-figures">
              {group.figures.map(([label, value]) => (
                <div key={label} className="key-figure">
                  <dt>{label}</dt>
                  <dd className={/\d|—/.test(value) ? undefined : 'in-words'}>{value}</dd>
                </div>
              ))}
            </dl>
          </div>
        ))}
      </div>
    </section>
  );
}

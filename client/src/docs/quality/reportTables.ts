// Every table of the quality dashboard, as text cells: the one source of the screen's data tables, the CSV downloads
// and the annual ACI report. Built from the dashboard's counts and the annex alone, so nothing here can hold a
// reporter, a report's text or a patient's reference (exportsCarryNoIdentity.test.ts reads the results to check).
import {
  ACI_LEVELS,
  EVENT_CATEGORIES,
  EVENT_NATURES,
  SEVERITY_LEVELS,
  type AciAnnex,
  type IndicatorProgress,
  type QualityDashboard,
} from '@maillage/shared';
import type { TFunction } from 'i18next';

export const TABLE_IDS = ['summary', 'months', 'categories', 'severity', 'nature', 'professions', 'aci'] as const;
export type TableId = (typeof TABLE_IDS)[number];

export interface ReportTable {
  id: TableId;
  title: string;
  headers: string[];
  rows: string[][];
  /** For the tables drawn as a bar chart: each row's label and count. */
  bars?: { label: string; value: number }[];
}

export type Translate = TFunction;

const monthNames = (language: string) => {
  const format = new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, m) => format.format(new Date(Date.UTC(2000, m, 1))));
};

/** The year's crisis figures, label and value: the same in the summary table and on the dashboard's tiles. */
export const crisisFigures = (t: Translate, crisis: QualityDashboard['crisis']): [string, string][] => [
  [
    t('quality.crisis.plan'),
    crisis.planStatus ? t(`crisisPlanStatuses.${crisis.planStatus}`) : t('quality.crisis.noPlan'),
  ],
  [t('quality.crisis.activations'), String(crisis.activations)],
  [t('quality.crisis.mobilised'), String(crisis.mobilised)],
  [t('quality.crisis.actionsDone'), String(crisis.actionsDone)],
  [t('quality.crisis.exercises'), String(crisis.exercises)],
];

export function reportTables(
  dashboard: QualityDashboard,
  annex: AciAnnex | null,
  progress: readonly IndicatorProgress[],
  t: Translate,
  language: string,
): ReportTable[] {
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
  const share = (part: number | null, count: number) =>
    part === null
      ? t('quality.none')
      : t('quality.events.share', {
          share: t('quality.percent', { value: number.format(Math.round(part * 100)) }),
          count,
        });
  const counted = (id: TableId, label: string, entries: [string, number][]): ReportTable => ({
    id,
    title: t(`quality.tables.${id}`),
    headers: [label, t('quality.columns.events')],
    rows: entries.map(([name, value]) => [name, String(value)]),
    bars: entries.map(([name, value]) => ({ label: name, value })),
  });
  const { events, concertations, protocols, qualityPlan, crisis } = dashboard;

  const summary: ReportTable = {
    id: 'summary',
    title: t('quality.tables.summary'),
    headers: [t('quality.columns.figure'), t('quality.columns.value')],
    rows: [
      [t('quality.events.total'), String(events.total)],
      [t('quality.events.eigs'), String(events.eigs)],
      [t('quality.events.analysed'), share(events.shareAnalysed, events.analysed)],
      [t('quality.events.closed'), share(events.shareClosed, events.closed)],
      [t('quality.qualityPlan.done'), share(qualityPlan.shareDone, qualityPlan.done)],
      [t('quality.qualityPlan.overdue'), String(qualityPlan.overdue)],
      [t('quality.concertations.held'), String(concertations.heldListed)],
      [t('quality.concertations.notOnDevice'), String(concertations.heldNotOnDevice)],
      [t('quality.concertations.cases'), String(concertations.casesDiscussed)],
      [t('quality.concertations.distinct'), String(concertations.distinctCases)],
      [t('quality.protocols.diffused'), String(protocols.diffused)],
      [t('quality.protocols.due'), String(protocols.dueForReview)],
      [t('quality.protocols.overdue'), String(protocols.overdue)],
      ...crisisFigures(t, crisis),
    ],
  };

  const months = monthNames(language);
  const indicators = new Map(
    (annex ?? []).flatMap((m) => m.actions.map((a) => [a.id, { mission: m.label, action: a.label }] as const)),
  );
  const aci: ReportTable = {
    id: 'aci',
    title: t('quality.tables.aci'),
    headers: [
      t('quality.columns.mission'),
      t('quality.columns.action'),
      t('quality.columns.indicator'),
      t('quality.columns.value'),
      t('quality.columns.origin'),
      ...ACI_LEVELS.map((level) => t(`quality.columns.${level}`)),
      t('quality.columns.reached'),
      t('quality.columns.amount'),
    ],
    rows: progress.map((p) => [
      indicators.get(p.actionId)?.mission ?? '',
      indicators.get(p.actionId)?.action ?? '',
      p.indicator.label,
      p.value === null ? t('quality.aci.notEntered') : number.format(p.value),
      p.computed ? t('quality.aci.computed') : p.source,
      ...ACI_LEVELS.map((level) => number.format(p.indicator[level])),
      p.reached ? t(`quality.aci.levels.${p.reached}`) : t('quality.aci.belowSocle'),
      number.format(p.indicator.amount),
    ]),
  };

  return [
    summary,
    counted(
      'months',
      t('quality.columns.month'),
      events.byMonth.map((n, m) => [months[m]!, n]),
    ),
    counted('categories', t('quality.columns.category'), [
      ...EVENT_CATEGORIES.map((c): [string, number] => [t(`adverse.categories.${c}`), events.byCategory[c]]),
      [t('adverse.uncategorised'), events.byCategory.a_qualifier],
    ]),
    counted(
      'severity',
      t('quality.columns.severity'),
      SEVERITY_LEVELS.map((s) => [t(`adverse.severityShort.${s}`), events.bySeverity[s]]),
    ),
    counted('nature', t('quality.columns.nature'), [
      ...EVENT_NATURES.map((n): [string, number] => [t(`adverse.natures.${n}`), events.byNature[n]]),
      [t('quality.natureUnknown'), events.byNature.inconnue],
    ]),
    {
      ...counted(
        'professions',
        t('quality.columns.profession'),
        Object.entries(concertations.meetingsPerProfession)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([p, n]) => [t(`professions.${p}`, { defaultValue: p }), n]),
      ),
      headers: [t('quality.columns.profession'), t('quality.columns.meetings')],
    },
    aci,
  ];
}

// Where each indicator of the annex stands for a year: the value Maillage computed from the dashboard, or the one a
// coordinator entered with its source, against its three thresholds.
import { ACI_LEVELS, type AciAnnex, type AciIndicator, type AciLevel, type AciManualValue } from './aciAnnex';
import type { QualityDashboard } from './dashboard';

export interface IndicatorProgress {
  missionId: string;
  actionId: string;
  indicator: AciIndicator;
  /** Null: entered by hand and not entered yet. */
  value: number | null;
  computed: boolean;
  /** Where a hand-entered value comes from; empty for a computed one (the screen says « calculé par Maillage »). */
  source: string;
  /** The highest threshold reached, null below the socle. */
  reached: AciLevel | null;
  /** The next threshold to reach, null once the objectif is. */
  next: AciLevel | null;
  /** Value over objectif, 0–1. */
  towardObjective: number;
}

export function computedValue(indicator: AciIndicator, dashboard: QualityDashboard): number | null {
  switch (indicator.measure) {
    case 'concertations_cr':
      return dashboard.concertations.heldListed;
    case 'cas_discutes':
      return dashboard.concertations.casesDiscussed;
    case 'protocoles_diffuses':
      return dashboard.protocols.diffused;
    case 'evenements_analyses':
      return dashboard.events.analysed;
    case 'manuel':
      return null;
  }
}

export function levelReached(indicator: AciIndicator, value: number): AciLevel | null {
  let reached: AciLevel | null = null;
  for (const level of ACI_LEVELS) if (value >= indicator[level]) reached = level;
  return reached;
}

export function aciProgress(
  annex: AciAnnex,
  dashboard: QualityDashboard,
  manual: (indicatorId: string) => AciManualValue | null,
): IndicatorProgress[] {
  const rows: IndicatorProgress[] = [];
  for (const mission of annex)
    for (const action of mission.actions)
      for (const indicator of action.indicators) {
        const computed = indicator.measure !== 'manuel';
        const entered = computed ? null : manual(indicator.id);
        const value = computed ? computedValue(indicator, dashboard) : (entered?.value ?? null);
        const reached = value === null ? null : levelReached(indicator, value);
        const nextIndex = reached === null ? 0 : ACI_LEVELS.indexOf(reached) + 1;
        rows.push({
          missionId: mission.id,
          actionId: action.id,
          indicator,
          value,
          computed,
          source: entered?.source ?? '',
          reached,
          next: ACI_LEVELS[nextIndex] ?? null,
          towardObjective: value === null ? 0 : Math.min(1, value / indicator.objectif),
        });
      }
  return rows;
}

// The quality dashboard of a year: what the anonymised register, the concertations and the catalogue's protocols say
// about it. Pure: the caller reads the documents on the device. It never sees a report, only register rows (no
// reporter, no free text), so nothing it returns can carry either.
import {
  EVENT_CATEGORIES,
  EVENT_NATURES,
  SEVERITY_LEVELS,
  type EventCategory,
  type EventNature,
  type RegisterRow,
  type Severity,
} from '../adverseEvent/schema';
import { aciCounts, HELD_STATUSES, type AciCounts, type MeetingRecord } from '../concertation/aciCounts';
import type { PlanAction } from '../adverseEvent/qualityPlan';

/** What the dashboard needs of a catalogue entry (protocols and concertations; the bin left out). */
export interface CatalogueSummary {
  docId: string;
  kind: string;
  status: string;
  reviewDate: string | null;
  deletedAt: string | null;
  meetingDate?: string | undefined;
  createdAt?: string | undefined;
  crisisExercise?: boolean | undefined;
  crisisMobilised?: number | undefined;
  crisisActionsDone?: number | undefined;
}

export interface DashboardInput {
  register: readonly RegisterRow[];
  /** The year's meetings this device holds (a concertation is open to its participants only, decision 0033). */
  meetings: readonly MeetingRecord[];
  /** Every entry of the catalogue, which lists each meeting's day and status to every member. */
  catalogue: readonly CatalogueSummary[];
  year: number;
  /** The Paris day today (YYYY-MM-DD): protocols past their review date are late. */
  today: string;
  /** The quality plan's actions (governance document): only their deadline and status are counted. */
  plan?: readonly Pick<PlanAction, 'due' | 'status'>[];
}

/** Rows not yet qualified have no category; rows from before the register knew the nature have none either. */
export type CategoryKey = EventCategory | 'a_qualifier';
export type NatureKey = EventNature | 'inconnue';

export interface EventFigures {
  total: number;
  /** January first. */
  byMonth: number[];
  byCategory: Record<CategoryKey, number>;
  bySeverity: Record<Severity, number>;
  byNature: Record<NatureKey, number>;
  eigs: number;
  /** Analysed or closed (« analysé », « clos »). */
  analysed: number;
  closed: number;
  /** Of the year's events, the part analysed or closed, 0–1; null with no event. */
  shareAnalysed: number | null;
  shareClosed: number | null;
}

export interface ProtocolFigures {
  /** Protocols « diffusé » now. */
  diffused: number;
  /** Diffused or under revision, whose review date falls in the year or before. */
  dueForReview: number;
  /** Of those, the ones whose review date has passed. */
  overdue: number;
}

export interface PlanFigures {
  /** Actions of the quality plan due in the year. */
  total: number;
  done: number;
  /** Not done, and their deadline has passed. */
  overdue: number;
  shareDone: number | null;
}

export interface CrisisFigures {
  /** The status of the crisis plan (the most advanced one when there are several), null when there is none. */
  planStatus: string | null;
  /** Crises activated in the year (exercises apart). */
  activations: number;
  /** Over those crises: professionals mobilised and actions taken (the ACI's counts). */
  mobilised: number;
  actionsDone: number;
  /** Exercises held in the year. */
  exercises: number;
}

export interface QualityDashboard {
  year: number;
  events: EventFigures;
  concertations: AciCounts & {
    /** For each profession, at how many of the year's meetings held at least one of them signed the émargement. */
    meetingsPerProfession: Record<string, number>;
    /** Meetings of the year the catalogue lists as held with a validated compte rendu, readable here or not. */
    heldListed: number;
    /** Of those, the ones this device cannot read: their cases and professions are not counted. */
    heldNotOnDevice: number;
  };
  protocols: ProtocolFigures;
  qualityPlan: PlanFigures;
  crisis: CrisisFigures;
}

const ANALYSED = new Set(['analyse', 'clos']);
const REVIEWED = new Set(['diffuse', 'en_revision']);

const zeros = <K extends string | number>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export function eventFigures(register: readonly RegisterRow[], year: number): EventFigures {
  const prefix = `${year}-`;
  const byMonth = Array.from({ length: 12 }, () => 0);
  const byCategory = zeros<CategoryKey>([...EVENT_CATEGORIES, 'a_qualifier']);
  const bySeverity = zeros<Severity>(SEVERITY_LEVELS);
  const byNature = zeros<NatureKey>([...EVENT_NATURES, 'inconnue']);
  let total = 0;
  let eigs = 0;
  let analysed = 0;
  let closed = 0;
  for (const row of register) {
    if (!row.day.startsWith(prefix)) continue;
    total++;
    byMonth[Number(row.day.slice(5, 7)) - 1]!++;
    byCategory[row.category ?? 'a_qualifier']++;
    bySeverity[row.severity]++;
    byNature[row.nature ?? 'inconnue']++;
    if (row.eigs) eigs++;
    if (ANALYSED.has(row.status)) analysed++;
    if (row.status === 'clos') closed++;
  }
  const share = (n: number) => (total === 0 ? null : n / total);
  return {
    total,
    byMonth,
    byCategory,
    bySeverity,
    byNature,
    eigs,
    analysed,
    closed,
    shareAnalysed: share(analysed),
    shareClosed: share(closed),
  };
}

export function protocolFigures(protocols: readonly CatalogueSummary[], year: number, today: string): ProtocolFigures {
  const yearEnd = `${year}-12-31`;
  let diffused = 0;
  let dueForReview = 0;
  let overdue = 0;
  for (const p of protocols) {
    if (p.kind !== 'protocol' || p.deletedAt) continue;
    if (p.status === 'diffuse') diffused++;
    if (!REVIEWED.has(p.status) || !p.reviewDate || p.reviewDate > yearEnd) continue;
    dueForReview++;
    if (p.reviewDate < today) overdue++;
  }
  return { diffused, dueForReview, overdue };
}

export function planFigures(
  plan: readonly Pick<PlanAction, 'due' | 'status'>[],
  year: number,
  today: string,
): PlanFigures {
  const ofYear = plan.filter((a) => a.due.startsWith(`${year}-`));
  const done = ofYear.filter((a) => a.status === 'fait').length;
  const overdue = ofYear.filter((a) => a.status !== 'fait' && a.due < today).length;
  return { total: ofYear.length, done, overdue, shareDone: ofYear.length === 0 ? null : done / ofYear.length };
}

/** From the least to the most advanced: the dashboard names the plan that went furthest. */
const PLAN_STATUS_ORDER = ['archive', 'brouillon', 'transmis', 'valide', 'actif'];

export function crisisFigures(catalogue: readonly CatalogueSummary[], year: number): CrisisFigures {
  const live = catalogue.filter((e) => !e.deletedAt);
  const plans = live
    .filter((e) => e.kind === 'crisisPlan')
    .sort((a, b) => PLAN_STATUS_ORDER.indexOf(b.status) - PLAN_STATUS_ORDER.indexOf(a.status));
  const ofYear = live.filter((e) => e.kind === 'crisisActivation' && e.createdAt?.startsWith(`${year}-`));
  const crises = ofYear.filter((e) => !e.crisisExercise);
  const sum = (pick: (e: CatalogueSummary) => number | undefined) => crises.reduce((n, e) => n + (pick(e) ?? 0), 0);
  return {
    planStatus: plans[0]?.status ?? null,
    activations: crises.length,
    mobilised: sum((e) => e.crisisMobilised),
    actionsDone: sum((e) => e.crisisActionsDone),
    exercises: ofYear.length - crises.length,
  };
}

/**
 * A report put on a CREX's agenda is an item whose case is the report's id (decision 0037): an event analysed, not a
 * patient's case, so it is left out of the cases discussed (the register counts it as analysed).
 */
function withoutReports(meetings: readonly MeetingRecord[], register: readonly RegisterRow[]): MeetingRecord[] {
  const reports = new Set(register.map((r) => r.docId));
  return meetings.map((m) =>
    m.agenda.some((item) => reports.has(item.caseId))
      ? { ...m, agenda: m.agenda.filter((item) => !reports.has(item.caseId)) }
      : m,
  );
}

export function qualityDashboard(input: DashboardInput): QualityDashboard {
  const counts = aciCounts(withoutReports(input.meetings, input.register), input.year);
  const meetingsPerProfession: Record<string, number> = {};
  for (const meeting of counts.professionsPerMeeting)
    for (const profession of Object.keys(meeting.professions))
      meetingsPerProfession[profession] = (meetingsPerProfession[profession] ?? 0) + 1;
  const counted = new Set(counts.professionsPerMeeting.map((m) => m.docId));
  const listed = input.catalogue.filter(
    (e) =>
      e.kind === 'concertation' &&
      !e.deletedAt &&
      e.meetingDate?.startsWith(`${input.year}-`) &&
      HELD_STATUSES.has(e.status),
  );
  const heldNotOnDevice = listed.filter((e) => !counted.has(e.docId)).length;
  return {
    year: input.year,
    events: eventFigures(input.register, input.year),
    concertations: {
      ...counts,
      meetingsPerProfession,
      heldListed: counts.meetingsHeld + heldNotOnDevice,
      heldNotOnDevice,
    },
    protocols: protocolFigures(input.catalogue, input.year, input.today),
    qualityPlan: planFigures(input.plan ?? [], input.year, input.today),
    crisis: crisisFigures(input.catalogue, input.year),
  };
}

// The next meeting, with the cases still to see (not discussed, decided actions still open, re-evaluation due): planned
// by « Préparer la prochaine » on a day chosen, or, when the animateur validates a meeting of a series, by itself on
// the series' next day. A meeting of the series already planned on that day takes the cases instead of a new one.
import {
  addAgendaItem,
  nextMeetingPlan,
  nextOccurrence,
  setSeries,
  type AgendaItem,
  type Annuaire,
  type CatalogueItem,
  type Meeting,
  type Series,
  type Validated,
} from '@maillage/shared';
import type { WorkspaceRow } from '../../../store/db';
import { docStore } from '../../../store/docStore';
import { newConcertation } from '../newConcertation';
import { readMeetingCases } from './readMeetingCases';
import { seriesMeetingOn } from './seriesMeetings';

export interface NextMeetingLabels {
  /** « Suivi des actions décidées le … ». */
  followUp: string;
  /** « Réévaluation prévue le … ». */
  reevaluation: (day: string) => string;
  title: (meeting: Meeting) => string;
}

export interface NextMeetingSource {
  meetingId: string;
  meeting: Meeting;
  agenda: readonly AgendaItem[];
  series: Series | null;
  /** The catalogue's entries this member sees: the meeting's cases and the workspace's meetings. */
  items: readonly CatalogueItem[];
}

/** Past this many cancelled dates in a row, the series is taken as paused: the next date is used anyway. */
const MAX_SKIPPED = 12;

/**
 * The series' next day after `after` whose meeting was not cancelled: carrying cases onto a cancelled day would plan a
 * new meeting there and undo the cancellation (decision 0030).
 */
export async function nextOpenDate(
  workspaceId: string,
  items: readonly CatalogueItem[],
  series: Series,
  after: string,
): Promise<string> {
  let date = nextOccurrence(series.rule, after);
  for (let skipped = 0; skipped < MAX_SKIPPED; skipped++) {
    if (!(await seriesMeetingOn(workspaceId, items, series.id, date, 'annulee'))) return date;
    date = nextOccurrence(series.rule, date);
  }
  return date;
}

/**
 * Puts the cases still to see on the next meeting on `date`: the series' meeting already planned that day, else a new
 * one planned through the ordinary path (restricted room, list first). Returns its id and how many cases it took.
 */
export async function prepareNextMeeting(
  workspace: WorkspaceRow,
  source: NextMeetingSource,
  date: string,
  annuaire: Annuaire,
  labels: NextMeetingLabels,
): Promise<Validated<{ docId: string; carried: number; created: boolean }>> {
  const { meetingId, meeting, agenda, series, items } = source;
  // Planning on a day the series' meeting was called off would undo the cancellation: it is restored instead.
  if (series && (await seriesMeetingOn(workspace.id, items, series.id, date, 'annulee')))
    return { ok: false, errors: [{ field: 'date', message: 'rcp.next.cancelledDay' }] };
  const cases = items.filter((i) => i.kind === 'patientCase' && !i.deletedAt);
  const { openActions, reevaluations } = await readMeetingCases(
    workspace.id,
    meetingId,
    agenda,
    cases,
    workspace.memberId,
  );
  const plan = nextMeetingPlan(meeting, agenda, date, openActions, labels.followUp, {
    series,
    reevaluations,
    reevaluationQuestion: labels.reevaluation,
  });
  const existing = series ? await seriesMeetingOn(workspace.id, items, series.id, date, 'planifiee') : null;
  let docId = existing;
  if (!docId) {
    const created = await newConcertation(workspace, plan.meeting, annuaire, labels.title, {
      preparedFrom: meetingId,
    });
    if (!created.ok) return created;
    docId = created.value.docId;
  }
  const doc = await docStore.acquire(workspace.id, docId);
  let carried = 0;
  try {
    if (!existing && plan.series) setSeries(doc, plan.series, plan.series.id);
    // A case already on the next meeting's agenda is refused by the layout: it stays once.
    for (const item of plan.agenda) if (addAgendaItem(doc, item, annuaire).ok) carried++;
    await docStore.flushed(workspace.id, docId);
  } finally {
    await docStore.release(workspace.id, docId);
  }
  return { ok: true, value: { docId, carried, created: !existing } };
}

// A crisis plan's life (ACI, DOMAIN.md §4): brouillon → transmis ARS + CPAM → validé → actif → archivé, who may move
// it, the log of every move, and the dated yearly update — a named version compared with the previous one.
import type * as Y from 'yjs';
import { z } from 'zod/mini';
import { memberIdSchema } from '../../sync/ids';
import type { Role } from '../../sync/roles';
import { parisToday } from '../../domain/parisDays';
import { validate, type Validated } from '../validation';
import { createVersion, findVersion, versionInputSchema } from '../protocol/versions';
import type { Author } from '../protocol/comments';
import { header, readCrisisPlanHeader, readGovernance } from './layout';
import { yearlyUpdateInputSchema, type CrisisPlanStatus, type YearlyUpdateInput } from './schema';

export interface PlanActor extends Author {
  role: Role;
}

/** lead: a coordinator or one of the plan's SSE référents; coordinator: a coordinator only. */
type Who = 'lead' | 'coordinator';
interface Transition {
  to: CrisisPlanStatus;
  by: Who;
  back?: true;
}

export const PLAN_TRANSITIONS: Readonly<Record<CrisisPlanStatus, readonly Transition[]>> = {
  brouillon: [
    { to: 'transmis', by: 'lead' },
    { to: 'archive', by: 'coordinator' },
  ],
  transmis: [
    { to: 'valide', by: 'coordinator' },
    { to: 'brouillon', by: 'lead', back: true },
  ],
  valide: [
    { to: 'actif', by: 'lead' },
    { to: 'brouillon', by: 'lead', back: true },
  ],
  actif: [
    { to: 'brouillon', by: 'lead', back: true },
    { to: 'archive', by: 'coordinator' },
  ],
  archive: [{ to: 'brouillon', by: 'coordinator', back: true }],
};

/** A plan is written while it lives: the on-call number changes whatever its status. Archived, it is frozen. */
export const isPlanEditable = (status: CrisisPlanStatus): boolean => status !== 'archive';

/** Whether this actor leads the plan: a coordinator, or its titulaire or suppléant référent. */
export function leadsPlan(doc: Y.Doc, actor: PlanActor): boolean {
  if (actor.role === 'coordinator') return true;
  if (actor.role === 'observer') return false;
  const g = readGovernance(doc);
  return actor.memberId === g.referentTitulaire || actor.memberId === g.referentSuppleant;
}

const mayAct = (doc: Y.Doc, by: Who, actor: PlanActor) =>
  actor.role === 'coordinator' || (by === 'lead' && leadsPlan(doc, actor));

export function allowedPlanMoves(doc: Y.Doc, actor: PlanActor): { to: CrisisPlanStatus; back: boolean }[] {
  const { status } = readCrisisPlanHeader(doc);
  return PLAN_TRANSITIONS[status]
    .filter((t) => mayAct(doc, t.by, actor))
    .map((t) => ({ to: t.to, back: t.back === true }));
}

const planMoveSchema = z.object({
  from: z.string(),
  to: z.string(),
  by: memberIdSchema,
  byName: z.string(),
  at: z.iso.datetime(),
});
export type PlanMove = z.infer<typeof planMoveSchema>;

const updateRecordSchema = z.object({
  date: z.iso.date(),
  summary: z.string(),
  versionId: z.string(),
  /** The version it is compared with: the previous yearly update, or the plan as sent to the ARS and CPAM. */
  previousVersionId: z.nullable(z.string()),
  by: memberIdSchema,
  byName: z.string(),
  at: z.iso.datetime(),
});
export type YearlyUpdate = z.infer<typeof updateRecordSchema>;

const movesOf = (doc: Y.Doc) => doc.getArray<unknown>('statusLog');
const updatesOf = (doc: Y.Doc) => doc.getArray<unknown>('updates');
const parsedList = <T>(array: Y.Array<unknown>, schema: z.ZodMiniType<T>): T[] =>
  array.toArray().flatMap((x) => {
    const parsed = schema.safeParse(x);
    return parsed.success ? [parsed.data] : [];
  });

export const listPlanMoves = (doc: Y.Doc): PlanMove[] => parsedList(movesOf(doc), planMoveSchema);
/** The dated yearly updates, oldest first. */
export const listYearlyUpdates = (doc: Y.Doc): YearlyUpdate[] =>
  parsedList(updatesOf(doc), updateRecordSchema).sort(
    (a, b) => a.date.localeCompare(b.date) || a.at.localeCompare(b.at),
  );

export type PlanWorkflowError = 'errors.transition' | 'errors.notAllowed' | 'errors.planIncomplete';

const fail = <T>(field: string, message: string): Validated<T> => ({ ok: false, errors: [{ field, message }] });

/** The version a plan is stamped with (its label and status, for the versions list). */
const stampOf = (doc: Y.Doc) => {
  const h = readCrisisPlanHeader(doc);
  return { label: h.version, status: h.status };
};

/**
 * Moves the plan to another status if this actor may, and logs it; anything else changes nothing. Sending it to the
 * ARS and CPAM needs what the ACI checks (a référent SSE, the crisis cell's place) and keeps the plan as sent as a
 * version: the first yearly update is compared with it.
 */
export function movePlanStatus(
  doc: Y.Doc,
  to: CrisisPlanStatus,
  actor: PlanActor,
  sentName = 'Transmis ARS + CPAM',
  now = new Date(),
): Validated<PlanMove> {
  const { status } = readCrisisPlanHeader(doc);
  const transition = PLAN_TRANSITIONS[status].find((t) => t.to === to);
  if (!transition) return fail('status', 'errors.transition');
  if (!mayAct(doc, transition.by, actor)) return fail('status', 'errors.notAllowed');
  const g = readGovernance(doc);
  if (to === 'transmis' && (!g.referentTitulaire || !g.mainPlace)) return fail('status', 'errors.planIncomplete');
  const move: PlanMove = {
    from: status,
    to,
    by: actor.memberId,
    byName: actor.name.slice(0, 80),
    at: now.toISOString(),
  };
  doc.transact(() => {
    header(doc).set('status', to);
    movesOf(doc).push([move]);
    if (to === 'transmis') {
      const sent = createVersion(doc, { name: sentName }, actor, 'named', now, stampOf(doc));
      if (sent.ok) header(doc).set('sentVersion', sent.value.id);
    }
  });
  return { ok: true, value: move };
}

/** The day the next yearly update is due: a year after the last one, or after the plan was written. */
export function nextUpdateDue(doc: Y.Doc): string | null {
  const last = listYearlyUpdates(doc).at(-1)?.date;
  const createdAt = readCrisisPlanHeader(doc).createdAt;
  const from = last ?? (createdAt ? parisToday(new Date(createdAt)) : null);
  if (!from) return null;
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  // 29 February has no anniversary: the update is due on 28 February.
  const day = m === 2 && d === 29 ? 28 : d;
  return `${y + 1}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** How the yearly update stands: due within two months, overdue, or not yet. */
export function updateDueState(due: string | null, today: string): 'ok' | 'soon' | 'overdue' {
  if (!due) return 'ok';
  if (today > due) return 'overdue';
  const [y, m, d] = due.split('-').map(Number) as [number, number, number];
  const twoMonthsBefore = new Date(Date.UTC(y, m - 3, d)).toISOString().slice(0, 10);
  return today >= twoMonthsBefore ? 'soon' : 'ok';
}

/** The version an update is compared with: the last yearly update's, else the plan as last sent to the ARS and CPAM. */
function previousReference(doc: Y.Doc): string | null {
  const last = listYearlyUpdates(doc).at(-1);
  if (last) return last.versionId;
  const sent = header(doc).get('sentVersion');
  return typeof sent === 'string' && findVersion(doc, sent) ? sent : null;
}

/**
 * Records the dated yearly update: a named version of the plan as it now stands, the day and what changed, and the
 * version it is compared with. The day cannot be in the future nor before the last update; a lead records it.
 */
export function recordYearlyUpdate(
  doc: Y.Doc,
  input: YearlyUpdateInput | unknown,
  actor: PlanActor,
  versionName: (date: string) => string,
  now = new Date(),
): Validated<YearlyUpdate> {
  const checked = validate(yearlyUpdateInputSchema, input);
  if (!checked.ok) return checked;
  if (!leadsPlan(doc, actor)) return fail('status', 'errors.notAllowed');
  if (readCrisisPlanHeader(doc).status === 'archive') return fail('status', 'errors.notAllowed');
  const { date, summary } = checked.value;
  if (date > parisToday(now)) return fail('date', 'errors.dateInFuture');
  const last = listYearlyUpdates(doc).at(-1);
  if (last && date <= last.date) return fail('date', 'errors.updateBeforeLast');
  const named = validate(versionInputSchema, { name: versionName(date), reason: summary });
  if (!named.ok) return named;
  const previousVersionId = previousReference(doc);
  let record: YearlyUpdate | null = null;
  doc.transact(() => {
    header(doc).set('version', date.slice(0, 4));
    const version = createVersion(doc, named.value, actor, 'named', now, stampOf(doc));
    if (!version.ok) return;
    record = {
      date,
      summary,
      versionId: version.value.id,
      previousVersionId,
      by: actor.memberId,
      byName: actor.name.slice(0, 80),
      at: now.toISOString(),
    };
    updatesOf(doc).push([record]);
  });
  return record ? { ok: true, value: record } : fail('summary', 'errors.invalid');
}

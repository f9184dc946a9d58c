// What follows an activation: escalation (the next group alerted, a new typology; who and when, also in the main
// courante), tasks given to members with their status, the figures the ACI counts, and the RETEX once ended. Like
// the main courante, escalations and tasks are set once under fresh ids; statuses and the RETEX are last-writer-wins.
import type * as Y from 'yjs';
import { validate, type FieldError, type Validated } from '../validation';
import { memberIdSchema, newDocId } from '../../sync/ids';
import { appendEntry, isActive, mayActivate, mayWriteLog, readActivation, readAcks } from './layout';
import type { CrisisActor } from './schema';
import type { CrisisTypology } from '../crisisPlan/typologies';
import {
  ESCALATION_GROUPS,
  escalationInputSchema,
  escalationSchema,
  retexInputSchema,
  retexSchema,
  storedTaskSchema,
  taskInputSchema,
  taskStatusSchema,
  type CrisisTask,
  type Escalation,
  type EscalationGroup,
  type EscalationInput,
  type Retex,
  type RetexInput,
  type TaskInput,
  type TaskStatus,
} from './followUpSchema';

const escalationMap = (doc: Y.Doc) => doc.getMap<unknown>('escalations');
const taskMap = (doc: Y.Doc) => doc.getMap<unknown>('tasks');
const taskStatusMap = (doc: Y.Doc) => doc.getMap<unknown>('taskStatus');
const retexMap = (doc: Y.Doc) => doc.getMap<unknown>('retex');

const refuse = (field: string, message: string): { ok: false; errors: FieldError[] } => ({
  ok: false,
  errors: [{ field, message }],
});

// ---- Escalation ----

/**
 * Raises the crisis: the alert goes on to the next group, or the typology changes, or both; recorded with who and
 * when, and as a decision in the main courante. By a référent or coordinator, or by a cell device (`automatic`).
 * `alerted`: the members of the group, read by this device from the plan and the crisis directory.
 */
export function escalate(
  doc: Y.Doc,
  input: EscalationInput | unknown,
  actor: CrisisActor,
  now = new Date(),
  automatic = false,
  alerted: readonly string[] = [],
): Validated<Escalation> {
  if (!(automatic ? mayWriteLog(actor) : mayActivate(actor))) return refuse('actor', 'errors.crisisNotAllowed');
  const activation = readActivation(doc);
  if (!isActive(activation)) return refuse('activation', 'errors.crisisNotActive');
  const result = validate(escalationInputSchema, input);
  if (!result.ok) {
    // Say at once that there is nothing to raise, beside what else is wrong.
    const raw = (input ?? {}) as { group?: unknown; typology?: unknown };
    const empty = !raw.group && !raw.typology;
    return empty
      ? { ok: false, errors: [{ field: 'group', message: 'errors.escalationEmpty' }, ...result.errors] }
      : result;
  }
  const { group, typology, reason } = result.value;
  if (group === null && typology === null) return refuse('group', 'errors.escalationEmpty');
  if (typology !== null && typology === currentTypology(doc))
    return refuse('typology', 'errors.escalationSameTypology');
  if (group !== null && alertedGroups(doc).includes(group)) return refuse('group', 'errors.escalationAlreadyAlerted');
  const called = group === null ? [] : [...new Set(alerted)].filter((m) => memberIdSchema.safeParse(m).success);
  const stored = { group, typology, reason, by: actor.memberId, at: now.toISOString(), automatic, alerted: called };
  const id = newDocId();
  doc.transact(() => {
    escalationMap(doc).set(id, stored);
    appendEntry(doc, { text: reason, kind: 'decision' }, actor, now);
  });
  return { ok: true, value: { id, ...stored } };
}

/** Escalations in time order (then id). */
export function readEscalations(doc: Y.Doc): Escalation[] {
  const out: Escalation[] = [];
  escalationMap(doc).forEach((value, id) => {
    const parsed = escalationSchema.safeParse(value);
    if (parsed.success) out.push({ id, ...parsed.data });
  });
  return out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
}

/** The typology now: the last escalation that changed it, or the activation's. */
export function currentTypology(doc: Y.Doc): CrisisTypology | null {
  const changed = readEscalations(doc).filter((e) => e.typology !== null);
  return changed.at(-1)?.typology ?? readActivation(doc)?.typology ?? null;
}

/** The groups alerted after the members, in order (two devices escalating at once count once). */
export const alertedGroups = (doc: Y.Doc): EscalationGroup[] =>
  ESCALATION_GROUPS.filter((g) => readEscalations(doc).some((e) => e.group === g));

export interface EscalationRule {
  /** The plan's delay (alert chain, `escalationMinutes`). */
  delayMinutes: number;
  /** How many « disponible » answers are enough. */
  enough: number;
}

/**
 * The next group to alert now, if the delay since the last alert passed and too few answered « disponible »: what a
 * cell device writes by itself. Null when enough answered, before the delay, or once the volunteers are alerted.
 */
export function escalationDue(doc: Y.Doc, rule: EscalationRule, now = new Date()): EscalationGroup | null {
  const activation = readActivation(doc);
  if (!activation || !isActive(activation)) return null;
  const available = readAcks(doc).filter((a) => a.answer === 'disponible').length;
  if (available >= rule.enough) return null;
  const alerted = readEscalations(doc).filter((e) => e.group !== null);
  const next = ESCALATION_GROUPS.find((g) => !alerted.some((e) => e.group === g));
  if (!next) return null;
  const since = alerted.at(-1)?.at ?? activation.activatedAt;
  return now.getTime() - Date.parse(since) >= rule.delayMinutes * 60_000 ? next : null;
}

/**
 * The escalation that called this member in, while their answer (if any) is older than it: their banner says they
 * are called in and asks again. Null once they answered after it, or in an ended crisis.
 */
export function calledIn(doc: Y.Doc, memberId: string): Escalation | null {
  if (!isActive(readActivation(doc))) return null;
  const call = readEscalations(doc)
    .filter((e) => e.alerted.includes(memberId))
    .at(-1);
  if (!call) return null;
  const answered = readAcks(doc).find((a) => a.memberId === memberId);
  return answered && answered.at >= call.at ? null : call;
}

// ---- Tasks ----

/** The cell gives a task (a row of the typology's sheet, or any) to a member of the annuaire. */
export function assignTask(
  doc: Y.Doc,
  input: TaskInput | unknown,
  actor: CrisisActor,
  members: readonly string[],
  now = new Date(),
): Validated<CrisisTask> {
  if (!mayWriteLog(actor)) return refuse('actor', 'errors.crisisReadOnly');
  if (!isActive(readActivation(doc))) return refuse('activation', 'errors.crisisNotActive');
  const result = validate(taskInputSchema, input);
  if (!result.ok) return result;
  if (!members.includes(result.value.assignee)) return refuse('assignee', 'errors.taskAssignee');
  if (result.value.due !== null && Date.parse(result.value.due) < now.getTime())
    return refuse('due', 'errors.taskDuePast');
  const stored = { ...result.value, createdBy: actor.memberId, createdAt: now.toISOString() };
  const id = newDocId();
  taskMap(doc).set(id, stored);
  return { ok: true, value: { id, ...stored, status: 'a_faire', statusBy: null, statusAt: null } };
}

/** The assignee, or anyone of the cell, moves a task along; the latest move counts. */
export function setTaskStatus(
  doc: Y.Doc,
  id: string,
  status: TaskStatus,
  actor: CrisisActor,
  now = new Date(),
): Validated<TaskStatus> {
  if (!mayWriteLog(actor)) return refuse('actor', 'errors.crisisReadOnly');
  if (!isActive(readActivation(doc))) return refuse('activation', 'errors.crisisNotActive');
  if (!taskMap(doc).has(id)) return refuse('task', 'errors.taskNotFound');
  const result = validate(taskStatusSchema, { status, by: actor.memberId, at: now.toISOString() });
  if (!result.ok) return result;
  taskStatusMap(doc).set(id, result.value);
  return { ok: true, value: status };
}

export function readTasks(doc: Y.Doc): CrisisTask[] {
  const out: CrisisTask[] = [];
  const statuses = taskStatusMap(doc);
  taskMap(doc).forEach((value, id) => {
    const parsed = storedTaskSchema.safeParse(value);
    if (!parsed.success) return;
    const status = taskStatusSchema.safeParse(statuses.get(id));
    out.push({
      id,
      ...parsed.data,
      status: status.success ? status.data.status : 'a_faire',
      statusBy: status.success ? status.data.by : null,
      statusAt: status.success ? status.data.at : null,
    });
  });
  return out.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
}

/** A task not done whose due time passed. */
export const taskLate = (task: CrisisTask, now = new Date()): boolean =>
  task.status !== 'faite' && task.due !== null && Date.parse(task.due) < now.getTime();

/** « Pour vous »: this member's tasks not done, in an active crisis. */
export const openTasksFor = (doc: Y.Doc, memberId: string): CrisisTask[] =>
  isActive(readActivation(doc)) ? readTasks(doc).filter((t) => t.assignee === memberId && t.status !== 'faite') : [];

// ---- What the ACI counts ----

export interface Mobilisation {
  /** Professionals mobilised: answered « disponible », wrote in the main courante or hold a task. */
  mobilised: number;
  /** Actions taken: tasks done. */
  actionsDone: number;
}

export function mobilisation(doc: Y.Doc): Mobilisation {
  const people = new Set<string>();
  for (const a of readAcks(doc)) if (a.answer === 'disponible') people.add(a.memberId);
  // Authors only: read without checking every entry (a long log opens on its latest page, decision 0035); each
  // distinct author is checked once.
  const authors = new Set<string>();
  doc.getMap<unknown>('entries').forEach((value) => {
    const author = (value as { author?: unknown } | null)?.author;
    if (typeof author === 'string') authors.add(author);
  });
  for (const author of authors) if (memberIdSchema.safeParse(author).success) people.add(author);
  const tasks = readTasks(doc);
  for (const t of tasks) people.add(t.assignee);
  return { mobilised: people.size, actionsDone: tasks.filter((t) => t.status === 'faite').length };
}

// ---- RETEX ----

/** The RETEX, written once the crisis (or the exercise) is ended, by the cell; the last save wins. */
export function writeRetex(
  doc: Y.Doc,
  input: RetexInput | unknown,
  actor: CrisisActor,
  now = new Date(),
): Validated<Retex> {
  if (!mayWriteLog(actor)) return refuse('actor', 'errors.crisisReadOnly');
  const activation = readActivation(doc);
  if (!activation || isActive(activation)) return refuse('retex', 'errors.retexBeforeEnd');
  const result = validate(retexInputSchema, input);
  if (!result.ok) return result;
  const value = { ...result.value, updatedBy: actor.memberId, updatedAt: now.toISOString() };
  doc.transact(() => {
    for (const [key, v] of Object.entries(value)) if (retexMap(doc).get(key) !== v) retexMap(doc).set(key, v);
  });
  return { ok: true, value };
}

export function readRetex(doc: Y.Doc): Retex | null {
  const parsed = retexSchema.safeParse(retexMap(doc).toJSON());
  return parsed.success ? parsed.data : null;
}

export function observeFollowUp(doc: Y.Doc, onChange: () => void): () => void {
  const maps = [escalationMap(doc), taskMap(doc), taskStatusMap(doc), retexMap(doc)];
  const handler = () => onChange();
  for (const m of maps) m.observe(handler);
  return () => maps.forEach((m) => m.unobserve(handler));
}

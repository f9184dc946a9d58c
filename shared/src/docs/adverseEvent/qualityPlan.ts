// The quality plan (plan d'actions qualité), in the governance document every member reads (`qualityPlan`: action id →
// one Y.Map per action, so a référent editing the wording and an owner ticking « fait » both win). An action may come
// from a report, without waiting for a CREX: it then carries the report's id (its register row), never its text or
// its reporter (decision 0037).
import * as Y from 'yjs';
import { z } from 'zod/mini';
import { isCalendarDate, parisToday } from '../../domain/parisDays';
import { idSchema, newDocId } from '../../sync/ids';
import { validate, type Validated } from '../validation';
import type { Annuaire } from '../concertation/layout';
import { refuseReport } from './layout';

export const PLAN_ACTION_STATUSES = ['a_faire', 'en_cours', 'fait'] as const;
export type PlanActionStatus = (typeof PLAN_ACTION_STATUSES)[number];

const text = (max: number) => z.string().check(z.trim(), z.maxLength(max, 'errors.tooLong'));

export const planActionInputSchema = z.object({
  action: z
    .string({ error: 'errors.planActionRequired' })
    .check(z.trim(), z.minLength(1, 'errors.planActionRequired'), z.maxLength(300, 'errors.tooLong')),
  objective: z._default(text(300), ''),
  owner: z.string({ error: 'errors.planOwnerRequired' }).check(z.minLength(1, 'errors.planOwnerRequired')),
  due: z.string({ error: 'errors.planDueRequired' }).check(
    z.minLength(1, 'errors.planDueRequired'),
    z.refine((v) => v === '' || isCalendarDate(v), 'errors.date'),
  ),
  indicator: z._default(text(200), ''),
  status: z._default(z.enum(PLAN_ACTION_STATUSES, { error: 'errors.status' }), 'a_faire'),
  /** The report it comes from (its register row's id), or none (an action decided in a CREX, say). */
  reportId: z._default(z.nullable(idSchema), null),
});
export type PlanActionInput = z.input<typeof planActionInputSchema>;
export interface PlanAction extends z.infer<typeof planActionInputSchema> {
  id: string;
  createdBy: string;
  createdAt: string;
}

const planMap = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('qualityPlan');
const storedSchema = z.object({
  ...planActionInputSchema.shape,
  status: z.catch(z.enum(PLAN_ACTION_STATUSES), 'a_faire'),
  createdBy: z.string(),
  createdAt: z.string(),
});

/**
 * A référent adds an action; its owner must be in the annuaire and its deadline today or later. Refused in French,
 * nothing written: no owner, no deadline, a deadline in the past, someone not a référent.
 */
export function addPlanAction(
  governance: Y.Doc,
  input: PlanActionInput | unknown,
  actor: string,
  referents: ReadonlySet<string>,
  annuaire: Annuaire,
  now = new Date(),
): Validated<PlanAction> {
  if (!referents.has(actor)) return refuseReport('actor', 'errors.referentOnly');
  const result = validate(planActionInputSchema, input);
  if (!result.ok) return result;
  const fields = result.value;
  if (!annuaire.has(fields.owner)) return refuseReport('owner', 'errors.notInAnnuaire');
  if (fields.due < parisToday(now)) return refuseReport('due', 'errors.planDueInPast');
  const id = newDocId();
  const createdAt = now.toISOString();
  governance.transact(() => {
    const entry = new Y.Map<unknown>();
    for (const [key, value] of Object.entries(fields)) entry.set(key, value);
    entry.set('createdBy', actor);
    entry.set('createdAt', createdAt);
    planMap(governance).set(id, entry);
  });
  return { ok: true, value: { id, ...fields, createdBy: actor, createdAt } };
}

/** Its owner or a référent moves an action between à faire, en cours and fait (any way: a « fait » may reopen). */
export function setPlanActionStatus(
  governance: Y.Doc,
  id: string,
  status: unknown,
  actor: string,
  referents: ReadonlySet<string>,
): Validated<PlanActionStatus> {
  const entry = planMap(governance).get(id);
  if (!(entry instanceof Y.Map)) return refuseReport('action', 'errors.planActionMissing');
  const parsed = z.enum(PLAN_ACTION_STATUSES).safeParse(status);
  if (!parsed.success) return refuseReport('status', 'errors.status');
  if (entry.get('owner') !== actor && !referents.has(actor)) return refuseReport('status', 'errors.planOwnerOnly');
  entry.set('status', parsed.data);
  return { ok: true, value: parsed.data };
}

/** What a référent may change of an action: its wording, objective, owner, deadline, indicator and status. */
export const planActionEditSchema = z.object({
  action: z.optional(planActionInputSchema.shape.action),
  objective: z.optional(text(300)),
  owner: z.optional(planActionInputSchema.shape.owner),
  due: z.optional(planActionInputSchema.shape.due),
  indicator: z.optional(text(200)),
  status: z.optional(z.enum(PLAN_ACTION_STATUSES, { error: 'errors.status' })),
});
export type PlanActionEdit = z.input<typeof planActionEditSchema>;

/**
 * A référent edits an action; only the fields that changed are written (an owner ticking « fait » meanwhile still
 * wins). The same rules as adding: an owner in the annuaire, a deadline that exists and, when it is moved, today or
 * later (an action already late may be reworded without moving it). Refused in French, nothing written.
 */
export function editPlanAction(
  governance: Y.Doc,
  id: string,
  changes: PlanActionEdit | unknown,
  actor: string,
  referents: ReadonlySet<string>,
  annuaire: Annuaire,
  now = new Date(),
): Validated<PlanAction> {
  const entry = planMap(governance).get(id);
  if (!(entry instanceof Y.Map)) return refuseReport('action', 'errors.planActionMissing');
  if (!referents.has(actor)) return refuseReport('actor', 'errors.referentOnly');
  const result = validate(planActionEditSchema, changes);
  if (!result.ok) return result;
  const current = storedSchema.safeParse(entry.toJSON());
  if (!current.success) return refuseReport('action', 'errors.planActionMissing');
  const changed = Object.entries(result.value).filter(
    ([key, value]) => value !== undefined && current.data[key as keyof typeof current.data] !== value,
  );
  const next = Object.fromEntries(changed) as Partial<PlanAction>;
  if (next.owner !== undefined && !annuaire.has(next.owner)) return refuseReport('owner', 'errors.notInAnnuaire');
  if (next.due !== undefined && next.due < parisToday(now)) return refuseReport('due', 'errors.planDueInPast');
  if (changed.length > 0)
    governance.transact(() => {
      for (const [key, value] of changed) entry.set(key, value);
      entry.set('updatedAt', now.toISOString());
    });
  return { ok: true, value: { id, ...current.data, ...next } };
}

/** Every action, soonest deadline first. */
export function readQualityPlan(governance: Y.Doc): PlanAction[] {
  const actions: PlanAction[] = [];
  planMap(governance).forEach((entry, id) => {
    if (!(entry instanceof Y.Map)) return;
    const parsed = storedSchema.safeParse(entry.toJSON());
    if (parsed.success) actions.push({ id, ...parsed.data });
  });
  return actions.sort((a, b) => a.due.localeCompare(b.due) || a.id.localeCompare(b.id));
}

/** What « Pour vous » lists for a member: their actions not done yet. */
export const planActionsFor = (plan: readonly PlanAction[], memberId: string): PlanAction[] =>
  plan.filter((a) => a.owner === memberId && a.status !== 'fait');

export function observeQualityPlan(governance: Y.Doc, onChange: () => void): () => void {
  const handler = () => onChange();
  planMap(governance).observeDeep(handler);
  return () => planMap(governance).unobserveDeep(handler);
}

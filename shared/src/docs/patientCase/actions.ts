// The case's open actions: what to do, who does it (someone on the care team), by when, done or not. Each action is
// its own Y.Map, so one colleague ticking it done while another reassigns it both win.
import * as Y from 'yjs';
import { z } from 'zod/mini';
import { memberIdSchema, newDocId } from '../../sync/ids';
import { validate, type Validated } from '../validation';
import { actionInputSchema, isoDateSchema, type ActionInput, type CaseAction } from './schema';
import { teamIds } from './team';

const actions = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('actions');
const storedSchema = z.extend(actionInputSchema, {
  done: z.boolean(),
  createdBy: memberIdSchema,
  createdAt: z.string(),
});
const patchSchema = z.partial(
  z.object({ owner: z.nullable(memberIdSchema), due: z.nullable(isoDateSchema), done: z.boolean() }),
);
export type ActionPatch = z.input<typeof patchSchema>;

const ownerOffTeam = (doc: Y.Doc, owner: string | null | undefined) => owner != null && !teamIds(doc).includes(owner);

export function addAction(
  doc: Y.Doc,
  input: ActionInput | unknown,
  by: string,
  now = new Date(),
): Validated<CaseAction> {
  const result = validate(actionInputSchema, input);
  if (!result.ok) return result;
  if (ownerOffTeam(doc, result.value.owner))
    return { ok: false, errors: [{ field: 'owner', message: 'errors.ownerNotOnTeam' }] };
  if (!memberIdSchema.safeParse(by).success)
    return { ok: false, errors: [{ field: 'createdBy', message: 'errors.memberId' }] };
  const action: CaseAction = {
    ...result.value,
    id: newDocId(),
    done: false,
    createdBy: by,
    createdAt: now.toISOString(),
  };
  doc.transact(() => {
    const fields = new Y.Map<unknown>();
    for (const [key, value] of Object.entries(action)) if (key !== 'id') fields.set(key, value);
    actions(doc).set(action.id, fields);
  });
  return { ok: true, value: action };
}

/** Reassigns, reschedules or ticks an action; only the fields given change. */
export function updateAction(doc: Y.Doc, actionId: string, patch: ActionPatch | unknown): Validated<ActionPatch> {
  const fields = actions(doc).get(actionId);
  if (!fields) return { ok: false, errors: [{ field: 'id', message: 'errors.invalid' }] };
  const result = validate(patchSchema, patch);
  if (!result.ok) return result;
  if (ownerOffTeam(doc, result.value.owner))
    return { ok: false, errors: [{ field: 'owner', message: 'errors.ownerNotOnTeam' }] };
  doc.transact(() => {
    for (const [key, value] of Object.entries(result.value))
      if (value !== undefined && fields.get(key) !== value) fields.set(key, value);
  });
  return result;
}

/** Open ones first, by due date (undated last), then done ones. */
export function readActions(doc: Y.Doc): CaseAction[] {
  const list: CaseAction[] = [];
  actions(doc).forEach((fields, id) => {
    if (!(fields instanceof Y.Map)) return;
    const parsed = storedSchema.safeParse(fields.toJSON());
    if (parsed.success) list.push({ id, ...parsed.data });
  });
  const due = (a: CaseAction) => a.due ?? '9999-12-31';
  return list.sort(
    (a, b) => Number(a.done) - Number(b.done) || due(a).localeCompare(due(b)) || a.createdAt.localeCompare(b.createdAt),
  );
}

// The actions a fiche RCP drafts: one Y.Map each, editable by the care team until the decision is recorded, which
// copies them into the case's open actions.
import * as Y from 'yjs';
import type { z } from 'zod/mini';
import { newDocId } from '../../sync/ids';
import { validate, type Validated } from '../validation';
import { teamIds } from './team';
import {
  draftInputSchema,
  draftPatchSchema,
  drafts,
  openRcpFiche,
  refuse,
  storedDraftSchema,
  writable,
  type RcpAction,
  type RcpActionInput,
  type RcpMeeting,
} from './rcpFicheDoc';

/** Drafts an action (its owner may be named later, but before the decision is recorded); bad input writes nothing. */
export function addRcpAction(
  doc: Y.Doc,
  meeting: RcpMeeting | unknown,
  input: RcpActionInput | unknown,
  now = new Date(),
): Validated<RcpAction> {
  const ok = writable(doc, meeting);
  if (!ok.ok) return ok;
  const result = validate(draftInputSchema, input);
  if (!result.ok) return result;
  if (result.value.owner && !teamIds(doc).includes(result.value.owner)) return refuse('owner', 'errors.ownerNotOnTeam');
  const action: RcpAction = { id: newDocId(), ...result.value, createdAt: now.toISOString() };
  doc.transact(() => {
    openRcpFiche(doc, ok.value);
    const fields = new Y.Map<unknown>();
    for (const [key, value] of Object.entries({ ...action, meetingId: ok.value.meetingId }))
      if (key !== 'id') fields.set(key, value);
    drafts(doc).set(action.id, fields);
  });
  return { ok: true, value: action };
}

export function updateRcpAction(
  doc: Y.Doc,
  meeting: RcpMeeting | unknown,
  id: string,
  patch: z.input<typeof draftPatchSchema> | unknown,
): Validated<z.infer<typeof draftPatchSchema>> {
  const ok = writable(doc, meeting);
  if (!ok.ok) return ok;
  const fields = drafts(doc).get(id);
  if (!(fields instanceof Y.Map) || fields.get('meetingId') !== ok.value.meetingId) return refuse('id', 'errors.row');
  const result = validate(draftPatchSchema, patch);
  if (!result.ok) return result;
  if (result.value.owner && !teamIds(doc).includes(result.value.owner)) return refuse('owner', 'errors.ownerNotOnTeam');
  doc.transact(() => {
    for (const [key, value] of Object.entries(result.value))
      if (value !== undefined && fields.get(key) !== value) fields.set(key, value);
  });
  return result;
}

export function removeRcpAction(doc: Y.Doc, meeting: RcpMeeting | unknown, id: string): Validated<string> {
  const ok = writable(doc, meeting);
  if (!ok.ok) return ok;
  const fields = drafts(doc).get(id);
  if (!(fields instanceof Y.Map) || fields.get('meetingId') !== ok.value.meetingId) return refuse('id', 'errors.row');
  drafts(doc).delete(id);
  return { ok: true, value: id };
}

/** The actions drafted in one meeting's fiche, oldest first. */
export function readRcpActions(doc: Y.Doc, meetingId: string): RcpAction[] {
  const list: RcpAction[] = [];
  drafts(doc).forEach((fields, id) => {
    if (!(fields instanceof Y.Map)) return;
    const parsed = storedDraftSchema.safeParse(fields.toJSON());
    if (parsed.success && parsed.data.meetingId === meetingId) {
      const { meetingId: _meeting, ...action } = parsed.data;
      list.push({ id, ...action });
    }
  });
  return list.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

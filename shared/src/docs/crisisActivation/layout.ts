// Typed read/write over a crisis activation's Y.Doc. `activation` holds who qualified the crisis and who activated
// and deactivated it; `acks` gets a new key `<memberId>:<id>` per answer (each member writes only keys named after
// them, never rewriting one, so the relay can let an observer add theirs); `entries` is the main courante,
// append-only: an entry is set once under a fresh id and never rewritten, a correction is a new entry pointing to it;
// `checks` holds the cell's « à vérifier / vérifié » marks beside the entries, so marking never touches what was written.
import type * as Y from 'yjs';
import { readMeta, stampMeta } from '../meta';
import { validate, type FieldError, type Validated } from '../validation';
import { memberIdSchema, newDocId } from '../../sync/ids';
import {
  ackSchema,
  activationInputSchema,
  activationSchema,
  checkSchema,
  entryInputSchema,
  storedEntrySchema,
  type Ack,
  type AckAnswer,
  type Activation,
  type ActivationInput,
  type CrisisActor,
  type Entry,
  type EntryCheck,
  type EntryInput,
  type StoredEntry,
} from './schema';

export const CRISIS_ACTIVATION_LAYOUT_VERSION = 1;

const activationMap = (doc: Y.Doc) => doc.getMap<unknown>('activation');
const ackMap = (doc: Y.Doc) => doc.getMap<unknown>('acks');
const entryMap = (doc: Y.Doc) => doc.getMap<unknown>('entries');
const checkMap = (doc: Y.Doc) => doc.getMap<unknown>('checks');

export const isCrisisActivation = (doc: Y.Doc): boolean => readMeta(doc).kind === 'crisisActivation';

const refuse = (field: string, message: string): { ok: false; errors: FieldError[] } => ({
  ok: false,
  errors: [{ field, message }],
});

/** Who may activate and deactivate: a référent SSE of the plan, or a coordinator. */
export const mayActivate = (actor: CrisisActor): boolean =>
  actor.role === 'coordinator' || (actor.role === 'member' && actor.referent === true);
/** Who writes in the main courante and marks its entries: the cell, that is everyone but observers. */
export const mayWriteLog = (actor: CrisisActor): boolean => actor.role !== 'observer';

/**
 * Records the activation. `othersActive`: whether the workspace already has an active crisis (the catalogue says);
 * a second one is refused, as is an activation without typology or authority, or qualified after now.
 */
export function activateCrisis(
  doc: Y.Doc,
  input: ActivationInput | unknown,
  actor: CrisisActor,
  othersActive: boolean,
  now = new Date(),
): Validated<Activation> {
  if (!memberIdSchema.safeParse(actor.memberId).success) return refuse('actor', 'errors.memberId');
  if (!mayActivate(actor)) return refuse('actor', 'errors.crisisNotAllowed');
  if (othersActive || readActivation(doc)) return refuse('typology', 'errors.crisisAlreadyActive');
  const result = validate(activationInputSchema, input);
  if (!result.ok) return result;
  if (Date.parse(result.value.qualifiedAt) > now.getTime()) return refuse('qualifiedAt', 'errors.crisisInFuture');
  if (result.value.exercise && !result.value.scenario) return refuse('scenario', 'errors.exerciseScenario');
  doc.transact(() => {
    stampMeta(doc, 'crisisActivation', CRISIS_ACTIVATION_LAYOUT_VERSION);
    const m = activationMap(doc);
    for (const [key, value] of Object.entries(result.value)) m.set(key, value);
    m.set('activatedBy', actor.memberId);
    m.set('activatedAt', now.toISOString());
  });
  return { ok: true, value: readActivation(doc)! };
}

export function readActivation(doc: Y.Doc): Activation | null {
  const parsed = activationSchema.safeParse(activationMap(doc).toJSON());
  return parsed.success ? parsed.data : null;
}

export const isActive = (activation: Activation | null): boolean =>
  activation !== null && activation.deactivatedAt === null;

/** Ends the crisis; the main courante stays readable, and nothing more is written in it. */
export function deactivateCrisis(doc: Y.Doc, actor: CrisisActor, now = new Date()): Validated<Activation> {
  if (!mayActivate(actor)) return refuse('actor', 'errors.crisisNotAllowed');
  if (!isActive(readActivation(doc))) return refuse('activation', 'errors.crisisNotActive');
  doc.transact(() => {
    activationMap(doc).set('deactivatedBy', actor.memberId);
    activationMap(doc).set('deactivatedAt', now.toISOString());
  });
  return { ok: true, value: readActivation(doc)! };
}

// ---- Acknowledgements ----

/** The key of one answer: its member, then a fresh id. Member ids hold no colon. */
export const ackKey = (memberId: string): string => `${memberId}:${newDocId()}`;

/** « Reçu, disponible / indisponible »: a member answers for themselves only, observers too; the latest answer counts. */
export function acknowledge(doc: Y.Doc, actor: CrisisActor, answer: AckAnswer, now = new Date()): Validated<Ack> {
  if (!memberIdSchema.safeParse(actor.memberId).success) return refuse('actor', 'errors.memberId');
  if (!isActive(readActivation(doc))) return refuse('activation', 'errors.crisisNotActive');
  const result = validate(ackSchema, { answer, at: now.toISOString() });
  if (!result.ok) return result;
  ackMap(doc).set(ackKey(actor.memberId), result.value);
  return { ok: true, value: { memberId: actor.memberId, ...result.value } };
}

/** Each member's latest answer (by its time, then its key, the same on every device). */
export function readAcks(doc: Y.Doc): Ack[] {
  const latest = new Map<string, Ack & { key: string }>();
  ackMap(doc).forEach((value, key) => {
    const memberId = key.split(':')[0]!;
    const parsed = ackSchema.safeParse(value);
    if (!parsed.success || !memberIdSchema.safeParse(memberId).success) return;
    const seen = latest.get(memberId);
    const later = !seen || parsed.data.at > seen.at || (parsed.data.at === seen.at && key > seen.key);
    if (later) latest.set(memberId, { memberId, ...parsed.data, key });
  });
  return [...latest.values()]
    .map(({ memberId, answer, at }) => ({ memberId, answer, at }))
    .sort((a, b) => (a.memberId < b.memberId ? -1 : 1));
}

// ---- Main courante ----

/** Appends an entry under a fresh id, dated on this device. Refused: observers, an ended crisis, a future time. */
export function appendEntry(
  doc: Y.Doc,
  input: EntryInput | unknown,
  actor: CrisisActor,
  now = new Date(),
): Validated<Entry> {
  if (!memberIdSchema.safeParse(actor.memberId).success) return refuse('actor', 'errors.memberId');
  if (!mayWriteLog(actor)) return refuse('actor', 'errors.crisisReadOnly');
  if (!isActive(readActivation(doc))) return refuse('activation', 'errors.crisisNotActive');
  const result = validate(entryInputSchema, input);
  if (!result.ok) return result;
  const at = result.value.at ?? now.toISOString();
  if (Date.parse(at) > now.getTime()) return refuse('at', 'errors.entryInFuture');
  const corrects = result.value.corrects ?? null;
  if (corrects !== null && !entryMap(doc).has(corrects)) return refuse('corrects', 'errors.entryNotFound');
  const stored = {
    at: new Date(at).toISOString(),
    author: actor.memberId,
    text: result.value.text,
    kind: result.value.kind,
    corrects,
  };
  const id = newDocId();
  doc.transact(() => entryMap(doc).set(id, stored));
  return { ok: true, value: { id, ...stored, check: null, correctedBy: [] } };
}

/** The cell marks an entry « à vérifier » or « vérifié »: beside the entry, with who and when. */
export function markEntry(
  doc: Y.Doc,
  id: string,
  state: EntryCheck,
  actor: CrisisActor,
  now = new Date(),
): Validated<EntryCheck> {
  if (!mayWriteLog(actor)) return refuse('actor', 'errors.crisisReadOnly');
  if (!entryMap(doc).has(id)) return refuse('entry', 'errors.entryNotFound');
  const result = validate(checkSchema, { state, by: actor.memberId, at: now.toISOString() });
  if (!result.ok) return result;
  checkMap(doc).set(id, result.value);
  return { ok: true, value: state };
}

/** Oldest first, by the time each entry speaks of, then by id: entries written offline fall into place on sync. */
export const byTimeThenId = (a: Pick<Entry, 'at' | 'id'>, b: Pick<Entry, 'at' | 'id'>): number =>
  a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

// An entry's stored value is never rewritten, and Yjs hands back the same object on every read: it is checked once.
const checkedEntries = new WeakMap<object, StoredEntry | null>();
/** An entry's stored value, checked (once per value), or null. */
export function readEntry(value: unknown): StoredEntry | null {
  if (typeof value !== 'object' || value === null) return null;
  let entry = checkedEntries.get(value);
  if (entry === undefined) {
    const parsed = storedEntrySchema.safeParse(value);
    entry = parsed.success ? parsed.data : null;
    checkedEntries.set(value, entry);
  }
  return entry;
}

export function readEntries(doc: Y.Doc): Entry[] {
  const entries: Entry[] = [];
  const checks = checkMap(doc);
  entryMap(doc).forEach((value, id) => {
    const stored = readEntry(value);
    if (!stored) return;
    const mark = checks.size > 0 ? checks.get(id) : undefined;
    const check = mark === undefined ? null : checkSchema.safeParse(mark);
    entries.push({ id, ...stored, check: check?.success ? check.data : null, correctedBy: [] });
  });
  const byId = new Map(entries.map((e) => [e.id, e]));
  entries.sort(byTimeThenId);
  for (const entry of entries) if (entry.corrects) byId.get(entry.corrects)?.correctedBy.push(entry.id);
  return entries;
}

/**
 * Entries changed or removed after they were written: never by this layout, so by a client that bypassed it. Yjs
 * keeps what a key held before (the item a new value was set after, or the deleted one), so it shows on every device.
 */
export function alteredEntries(doc: Y.Doc): { rewritten: string[]; removed: string[] } {
  const rewritten: string[] = [];
  const removed: string[] = [];
  entryMap(doc)._map.forEach((item, id) => {
    if (item.deleted) removed.push(id);
    else if (item.left !== null) rewritten.push(id);
  });
  return { rewritten: rewritten.sort(), removed: removed.sort() };
}

export function observeCrisisActivation(doc: Y.Doc, onChange: () => void): () => void {
  const maps = [activationMap(doc), ackMap(doc), entryMap(doc), checkMap(doc)];
  const handler = () => onChange();
  for (const m of maps) m.observe(handler);
  return () => maps.forEach((m) => m.unobserve(handler));
}

// The meeting's agenda: the cases to discuss, ordered by fractional keys, and what the meeting notes of each.
import * as Y from 'yjs';
import { keyAt, sortByPos } from '../order';
import { validate, type Validated } from '../validation';
import { newDocId } from '../../sync/ids';
import { agendaItemInputSchema, type AgendaItem, type AgendaItemInput } from './schema';
import { agendaMap, editable, refuse, refused, type Annuaire } from './meeting';

function orderedItems(doc: Y.Doc) {
  const list: { id: string; pos: string; item: Y.Map<unknown> }[] = [];
  agendaMap(doc).forEach((item, id) => {
    const pos = item.get('pos');
    if (typeof pos === 'string') list.push({ id, pos, item });
  });
  return sortByPos(list);
}

export function readAgenda(doc: Y.Doc): AgendaItem[] {
  const items: AgendaItem[] = [];
  for (const { id, item } of orderedItems(doc)) {
    const parsed = agendaItemInputSchema.safeParse(item.toJSON());
    if (!parsed.success) continue;
    const recorded = item.get('decisionRecordedAt');
    const consent = item.get('consentRecordedAt');
    items.push({
      id,
      ...parsed.data,
      discussed: item.get('discussed') === true,
      decisionRecordedAt: typeof recorded === 'string' ? recorded : null,
      consentRecordedAt: typeof consent === 'string' ? consent : null,
    });
  }
  return items;
}

/** Puts a case on the agenda (at the end unless `index`); a case already there is refused, nothing written. */
export function addAgendaItem(
  doc: Y.Doc,
  input: AgendaItemInput | unknown,
  annuaire: Annuaire,
  index?: number,
): Validated<AgendaItem> {
  const meeting = editable(doc);
  if (refused(meeting)) return meeting;
  const result = validate(agendaItemInputSchema, input);
  if (!result.ok) return result;
  if (!annuaire.has(result.value.presenter)) return refuse('presenter', 'errors.notInAnnuaire');
  const list = orderedItems(doc);
  if (list.some(({ item }) => item.get('caseId') === result.value.caseId))
    return refuse('caseId', 'errors.caseAlreadyOnAgenda');
  const id = newDocId();
  doc.transact(() => {
    const item = new Y.Map<unknown>();
    item.set('pos', keyAt(list, Math.max(0, Math.min(index ?? list.length, list.length))));
    for (const [key, value] of Object.entries(result.value)) item.set(key, value);
    agendaMap(doc).set(id, item);
  });
  return {
    ok: true,
    value: { id, ...result.value, discussed: false, decisionRecordedAt: null, consentRecordedAt: null },
  };
}

/** Records whether a case was discussed (the meeting's bureau ticks it during or right after the meeting). */
export function setAgendaItemDiscussed(doc: Y.Doc, id: string, discussed: boolean): Validated<boolean> {
  const meeting = editable(doc);
  if (refused(meeting)) return meeting;
  const item = agendaMap(doc).get(id);
  if (!item) return refuse('agenda', 'errors.row');
  if (item.get('discussed') !== discussed) item.set('discussed', discussed);
  return { ok: true, value: discussed };
}

/**
 * Notes on the agenda that the case's decision is now in the case (only when, never what), so every participant and
 * the meeting's compte rendu know which decisions are recorded without reading any case.
 */
export function markDecisionRecorded(doc: Y.Doc, id: string, now = new Date()): Validated<string> {
  const meeting = editable(doc);
  if (refused(meeting)) return meeting;
  const item = agendaMap(doc).get(id);
  if (!item) return refuse('agenda', 'errors.row');
  if (typeof item.get('decisionRecordedAt') !== 'string') item.set('decisionRecordedAt', now.toISOString());
  return { ok: true, value: id };
}

/**
 * Notes on the agenda that the case's presenter recorded the patient's consent (only when, never what or by whom), so
 * participants off the care team know why they do not see the case yet, and when they will.
 */
export function markConsentRecorded(doc: Y.Doc, id: string, now = new Date()): Validated<string> {
  const meeting = editable(doc);
  if (refused(meeting)) return meeting;
  const item = agendaMap(doc).get(id);
  if (!item) return refuse('agenda', 'errors.row');
  if (typeof item.get('consentRecordedAt') !== 'string') item.set('consentRecordedAt', now.toISOString());
  return { ok: true, value: id };
}

/** Moves an item to `index` in the current order: one key rewritten, so a concurrent move of another item survives. */
export function moveAgendaItem(doc: Y.Doc, id: string, index: number): Validated<string> {
  const meeting = editable(doc);
  if (refused(meeting)) return meeting;
  const item = agendaMap(doc).get(id);
  if (!item) return refuse('agenda', 'errors.row');
  const others = orderedItems(doc).filter((r) => r.id !== id);
  item.set('pos', keyAt(others, Math.max(0, Math.min(index, others.length))));
  return { ok: true, value: id };
}

/** Takes a case off the agenda; `restoreAgendaItem` puts it back whole. */
export function removeAgendaItem(doc: Y.Doc, id: string): Validated<string> {
  const meeting = editable(doc);
  if (refused(meeting)) return meeting;
  if (!agendaMap(doc).has(id)) return refuse('agenda', 'errors.row');
  agendaMap(doc).delete(id);
  return { ok: true, value: id };
}

/**
 * Puts back an item just taken off (the undo of « Retirer »): its id, question, presenter, discussed tick and the
 * dates of its consent and decision, at `index` of the current order. Refused, nothing written, when the case is on
 * the agenda again meanwhile (put back already, or added anew).
 */
export function restoreAgendaItem(doc: Y.Doc, saved: AgendaItem, index: number): Validated<AgendaItem> {
  const meeting = editable(doc);
  if (refused(meeting)) return meeting;
  const result = validate(agendaItemInputSchema, saved);
  if (!result.ok) return result;
  const list = orderedItems(doc);
  if (agendaMap(doc).has(saved.id) || list.some(({ item }) => item.get('caseId') === result.value.caseId))
    return refuse('caseId', 'errors.caseAlreadyOnAgenda');
  const restored: AgendaItem = {
    id: saved.id,
    ...result.value,
    discussed: saved.discussed,
    decisionRecordedAt: saved.decisionRecordedAt ?? null,
    consentRecordedAt: saved.consentRecordedAt ?? null,
  };
  doc.transact(() => {
    const item = new Y.Map<unknown>();
    item.set('pos', keyAt(list, Math.max(0, Math.min(index, list.length))));
    for (const [key, value] of Object.entries(result.value)) item.set(key, value);
    if (restored.discussed) item.set('discussed', true);
    if (restored.decisionRecordedAt) item.set('decisionRecordedAt', restored.decisionRecordedAt);
    if (restored.consentRecordedAt) item.set('consentRecordedAt', restored.consentRecordedAt);
    agendaMap(doc).set(saved.id, item);
  });
  return { ok: true, value: restored };
}

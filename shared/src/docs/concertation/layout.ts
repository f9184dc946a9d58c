// Typed read/write over a concertation's Y.Doc. `meeting` holds the details and status, `participants` is a set,
// `agenda` holds items ordered by fractional keys, `attendance` and `sheet` are keyed by member: each person writes
// only their own key, so answers and signatures given offline on separate devices all merge.
import * as Y from 'yjs';
import { readMeta, stampMeta } from '../meta';
import { keyAt, sortByPos } from '../order';
import { validate, type FieldError, type Validated } from '../validation';
import { memberIdSchema, newDocId } from '../../sync/ids';
import {
  agendaItemInputSchema,
  attendanceSchema,
  concertationStatusSchema,
  meetingFieldsSchema,
  newConcertationSchema,
  signatureSchema,
  type AgendaItem,
  type AgendaItemInput,
  type Attendance,
  type AttendanceAnswer,
  type Meeting,
  type NewConcertationInput,
  type Signature,
} from './schema';

export const CONCERTATION_LAYOUT_VERSION = 1;

const meetingMap = (doc: Y.Doc) => doc.getMap<unknown>('meeting');
const participantSet = (doc: Y.Doc) => doc.getMap<true>('participants');
const agendaMap = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('agenda');
const attendanceMap = (doc: Y.Doc) => doc.getMap<unknown>('attendance');
const sheetMap = (doc: Y.Doc) => doc.getMap<unknown>('sheet');

export const isConcertation = (doc: Y.Doc): boolean => readMeta(doc).kind === 'concertation';

/** What the layout checks a write against: the annuaire's member ids. */
export interface Annuaire {
  has(memberId: string): boolean;
}

const refuse = (field: string, message: string): { ok: false; errors: FieldError[] } => ({
  ok: false,
  errors: [{ field, message }],
});
const LOCKED = refuse('status', 'errors.concertationLocked');

/** Lays out a new meeting; its coordonnateur, animateur and secrétaire are participants. Invalid input writes nothing. */
export function createConcertation(
  doc: Y.Doc,
  input: NewConcertationInput | unknown,
  creator: string,
  annuaire: Annuaire,
  now = new Date(),
): Validated<Meeting> {
  if (!memberIdSchema.safeParse(creator).success) return refuse('creator', 'errors.memberId');
  const result = validate(newConcertationSchema, input);
  if (!result.ok) return result;
  const { participants, ...fields } = result.value;
  const errors: FieldError[] = [];
  for (const role of ['coordonnateur', 'animateur', 'secretaire'] as const) {
    const id = fields[role];
    if (id !== null && !annuaire.has(id)) errors.push({ field: role, message: 'errors.notInAnnuaire' });
  }
  participants.forEach((id, i) => {
    if (!annuaire.has(id)) errors.push({ field: `participants.${i}`, message: 'errors.notInAnnuaire' });
  });
  if (errors.length > 0) return { ok: false, errors };
  const everyone = new Set([fields.coordonnateur, fields.animateur, ...participants]);
  if (fields.secretaire) everyone.add(fields.secretaire);
  doc.transact(() => {
    stampMeta(doc, 'concertation', CONCERTATION_LAYOUT_VERSION);
    const m = meetingMap(doc);
    for (const [key, value] of Object.entries(fields)) m.set(key, value);
    m.set('status', 'planifiee');
    m.set('createdBy', creator);
    m.set('createdAt', now.toISOString());
    for (const id of everyone) participantSet(doc).set(id, true);
  });
  return { ok: true, value: readMeeting(doc)! };
}

/** The meeting, or null when the document holds none (yet, or written by something else). */
export function readMeeting(doc: Y.Doc): Meeting | null {
  const m = meetingMap(doc);
  const fields = meetingFieldsSchema.safeParse(m.toJSON());
  if (!fields.success) return null;
  const status = concertationStatusSchema.safeParse(m.get('status'));
  const str = (key: string) => {
    const value = m.get(key);
    return typeof value === 'string' ? value : null;
  };
  return {
    ...fields.data,
    status: status.success ? status.data : 'planifiee',
    createdBy: str('createdBy'),
    participants: [...participantSet(doc).keys()].sort(),
    sheetClosedAt: str('sheetClosedAt'),
    validatedAt: str('validatedAt'),
  };
}

/** From validation on, the minutes are the team's record: nobody changes the meeting any more. */
export const isMeetingEditable = (meeting: Pick<Meeting, 'status'>): boolean =>
  meeting.status === 'planifiee' || meeting.status === 'tenue';

function editable(doc: Y.Doc): Meeting | { ok: false; errors: FieldError[] } {
  const meeting = readMeeting(doc);
  if (!meeting) return refuse('meeting', 'errors.noMeeting');
  return isMeetingEditable(meeting) ? meeting : LOCKED;
}
const refused = (m: Meeting | { ok: false }): m is { ok: false; errors: FieldError[] } => 'ok' in m;

export function addParticipant(doc: Y.Doc, memberId: string, annuaire: Annuaire): Validated<string> {
  const meeting = editable(doc);
  if (refused(meeting)) return meeting;
  if (!memberIdSchema.safeParse(memberId).success || !annuaire.has(memberId))
    return refuse('participant', 'errors.notInAnnuaire');
  participantSet(doc).set(memberId, true);
  return { ok: true, value: memberId };
}

// ---- Agenda ----

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

export function removeAgendaItem(doc: Y.Doc, id: string): Validated<string> {
  const meeting = editable(doc);
  if (refused(meeting)) return meeting;
  if (!agendaMap(doc).has(id)) return refuse('agenda', 'errors.row');
  agendaMap(doc).delete(id);
  return { ok: true, value: id };
}

// ---- Attendance and émargement ----

/** A participant's own answer before the meeting; nobody answers for someone else. */
export function answerAttendance(
  doc: Y.Doc,
  self: string,
  answer: AttendanceAnswer,
  now = new Date(),
): Validated<AttendanceAnswer> {
  const meeting = editable(doc);
  if (refused(meeting)) return meeting;
  if (!meeting.participants.includes(self)) return refuse('attendance', 'errors.notParticipant');
  const parsed = attendanceSchema.safeParse({ answer, at: now.toISOString() });
  if (!parsed.success) return refuse('attendance', 'errors.invalid');
  attendanceMap(doc).set(self, parsed.data);
  return { ok: true, value: answer };
}

export function readAttendance(doc: Y.Doc): Attendance[] {
  const list: Attendance[] = [];
  attendanceMap(doc).forEach((value, memberId) => {
    const parsed = attendanceSchema.safeParse(value);
    if (parsed.success) list.push({ memberId, ...parsed.data });
  });
  return list.sort((a, b) => a.memberId.localeCompare(b.memberId));
}

export interface SheetSigner {
  memberId: string;
  name: string;
  profession: string;
}

/** Émargement: a person present ticks their own line (name and profession as the annuaire says, the time). */
export function signSheet(doc: Y.Doc, self: SheetSigner, now = new Date()): Validated<Signature> {
  const meeting = editable(doc);
  if (refused(meeting)) return meeting;
  if (meeting.sheetClosedAt) return refuse('sheet', 'errors.sheetClosed');
  if (!memberIdSchema.safeParse(self.memberId).success) return refuse('sheet', 'errors.memberId');
  const parsed = signatureSchema.safeParse({ name: self.name, profession: self.profession, at: now.toISOString() });
  if (!parsed.success) return refuse('sheet', 'errors.invalid');
  if (!sheetMap(doc).has(self.memberId)) sheetMap(doc).set(self.memberId, parsed.data);
  return { ok: true, value: { memberId: self.memberId, ...parsed.data } };
}

export function readSheet(doc: Y.Doc): Signature[] {
  const list: Signature[] = [];
  sheetMap(doc).forEach((value, memberId) => {
    const parsed = signatureSchema.safeParse(value);
    if (parsed.success) list.push({ memberId, ...parsed.data });
  });
  return list.sort((a, b) => a.at.localeCompare(b.at) || a.memberId.localeCompare(b.memberId));
}

/** The animateur closes the attendance sheet: later ticks are refused. */
export function closeSheet(doc: Y.Doc, actor: string, now = new Date()): Validated<string> {
  const meeting = editable(doc);
  if (refused(meeting)) return meeting;
  if (actor !== meeting.animateur) return refuse('sheet', 'errors.animateurOnly');
  if (!meeting.sheetClosedAt) meetingMap(doc).set('sheetClosedAt', now.toISOString());
  return { ok: true, value: now.toISOString() };
}

/** Calls back after any change, local or remote (a meeting is small: a re-read is cheap). */
export function observeConcertation(doc: Y.Doc, onChange: () => void): () => void {
  const handler = () => onChange();
  doc.on('afterTransaction', handler);
  return () => doc.off('afterTransaction', handler);
}

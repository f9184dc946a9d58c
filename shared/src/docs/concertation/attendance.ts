// Attendance and émargement: each participant answers and signs under their own key, so offline answers all merge.
import type * as Y from 'yjs';
import type { Validated } from '../validation';
import { memberIdSchema } from '../../sync/ids';
import {
  attendanceSchema,
  signatureSchema,
  type Attendance,
  type AttendanceAnswer,
  type Meeting,
  type Signature,
} from './schema';
import { attendanceMap, editable, meetingMap, refuse, refused, sheetMap } from './meeting';

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

/** Who is invited and has not signed the sheet yet, in the participants' order: closing it leaves them unsigned. */
export const unsignedParticipants = (meeting: Pick<Meeting, 'participants'>, sheet: readonly Signature[]): string[] =>
  meeting.participants.filter((id) => !sheet.some((s) => s.memberId === id));

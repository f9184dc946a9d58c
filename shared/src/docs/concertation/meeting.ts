// Where a concertation's parts live in its Y.Doc, the meeting as read from it, and the rule every writer checks first:
// from validation on, nothing changes.
import type * as Y from 'yjs';
import type { FieldError } from '../validation';
import { concertationStatusSchema, meetingFieldsSchema, type Meeting } from './schema';

export const meetingMap = (doc: Y.Doc) => doc.getMap<unknown>('meeting');
export const participantSet = (doc: Y.Doc) => doc.getMap<true>('participants');
export const agendaMap = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('agenda');
export const attendanceMap = (doc: Y.Doc) => doc.getMap<unknown>('attendance');
export const sheetMap = (doc: Y.Doc) => doc.getMap<unknown>('sheet');

/** What the layout checks a write against: the annuaire's member ids. */
export interface Annuaire {
  has(memberId: string): boolean;
}

export const refuse = (field: string, message: string): { ok: false; errors: FieldError[] } => ({
  ok: false,
  errors: [{ field, message }],
});
const LOCKED = refuse('status', 'errors.concertationLocked');

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

export function editable(doc: Y.Doc): Meeting | { ok: false; errors: FieldError[] } {
  const meeting = readMeeting(doc);
  if (!meeting) return refuse('meeting', 'errors.noMeeting');
  return isMeetingEditable(meeting) ? meeting : LOCKED;
}
export const refused = (m: Meeting | { ok: false }): m is { ok: false; errors: FieldError[] } => 'ok' in m;

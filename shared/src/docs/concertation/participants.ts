// Who a meeting is for: its participants are the room's list on the relay (decision 0033), so its agenda and minutes,
// which discuss patient cases, reach no one else. Added and removed from the meeting screen; the bureau and the meeting's
// creator stay, as a case's creator stays on its team.
import type * as Y from 'yjs';
import { memberIdSchema } from '../../sync/ids';
import type { FieldError, Validated } from '../validation';
import { isMeetingEditable, readMeeting } from './layout';

const participantSet = (doc: Y.Doc) => doc.getMap<true>('participants');
const refuse = (message: string): { ok: false; errors: FieldError[] } => ({
  ok: false,
  errors: [{ field: 'participant', message }],
});

/** Who planned the meeting: the room's owner, whom the relay always keeps. */
export function meetingCreatedBy(doc: Y.Doc): string | null {
  const createdBy = doc.getMap<unknown>('meeting').get('createdBy');
  return typeof createdBy === 'string' ? createdBy : null;
}

/** Everyone the document invites: the participants set, which holds the bureau from the start. */
export const participantIds = (doc: Y.Doc): string[] =>
  [...participantSet(doc).keys()].filter((id) => memberIdSchema.safeParse(id).success).sort();

/** The list the relay should enforce: the participants, and the room's owner. */
export function meetingAcl(doc: Y.Doc, owner: string | null): string[] {
  return [...new Set([...participantIds(doc), ...(owner ? [owner] : [])])].sort();
}

/** A coordinator who joins a meeting on purpose writes themself in, as on a care team (the relay journals it). */
export function writeParticipant(doc: Y.Doc, memberId: string): void {
  if (memberIdSchema.safeParse(memberId).success) participantSet(doc).set(memberId, true);
}

/** Takes a participant off the meeting: the relay then closes their socket and their device forgets its copy. */
export function removeParticipant(doc: Y.Doc, memberId: string): Validated<string> {
  const meeting = readMeeting(doc);
  if (!meeting) return refuse('errors.noMeeting');
  if (!isMeetingEditable(meeting))
    return { ok: false, errors: [{ field: 'status', message: 'errors.concertationLocked' }] };
  if ([meeting.coordonnateur, meeting.animateur, meeting.secretaire, meeting.createdBy].includes(memberId))
    return refuse('errors.bureauStays');
  participantSet(doc).delete(memberId);
  return { ok: true, value: memberId };
}

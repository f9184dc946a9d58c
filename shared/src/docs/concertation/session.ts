// « En séance »: which case is being discussed now and since when, in the meeting's `session` map, so every
// participant's screen follows the one who runs the meeting. One value (the case and its start together): two people
// switching at once end on one of their choices, never on a case with the other's start time.
import type * as Y from 'yjs';
import { z } from 'zod/mini';
import type { FieldError, Validated } from '../validation';
import { isMeetingEditable, readAgenda, readMeeting } from './layout';
import type { AgendaItem, Meeting } from './schema';

const sessionMap = (doc: Y.Doc) => doc.getMap<unknown>('session');
const currentSchema = z.object({ itemId: z.string(), since: z.iso.datetime(), by: z.string() });
export type SessionCurrent = z.infer<typeof currentSchema>;

const refuse = (field: string, message: string): { ok: false; errors: FieldError[] } => ({
  ok: false,
  errors: [{ field, message }],
});

/** Those who run the meeting: they choose the case on everyone's screen. */
export const runsMeeting = (meeting: Pick<Meeting, 'coordonnateur' | 'animateur' | 'secretaire'>, actor: string) =>
  actor === meeting.coordonnateur || actor === meeting.animateur || actor === meeting.secretaire;

export function readSessionCurrent(doc: Y.Doc): SessionCurrent | null {
  const parsed = currentSchema.safeParse(sessionMap(doc).get('current'));
  return parsed.success ? parsed.data : null;
}

/** Puts `itemId` (an agenda item) on everyone's screen from `now`; null ends the séance's current case. */
export function setSessionCase(
  doc: Y.Doc,
  itemId: string | null,
  actor: string,
  now = new Date(),
): Validated<SessionCurrent | null> {
  const meeting = readMeeting(doc);
  if (!meeting) return refuse('meeting', 'errors.noMeeting');
  if (!isMeetingEditable(meeting)) return refuse('status', 'errors.concertationLocked');
  if (!runsMeeting(meeting, actor)) return refuse('status', 'errors.bureauOnly');
  if (itemId === null) {
    sessionMap(doc).delete('current');
    return { ok: true, value: null };
  }
  if (!readAgenda(doc).some((i) => i.id === itemId)) return refuse('agenda', 'errors.row');
  const value = { itemId, since: now.toISOString(), by: actor };
  sessionMap(doc).set('current', value);
  return { ok: true, value };
}

/** The case before or after the current one in the agenda's order; the first when none is current. */
export function neighbourCase(agenda: readonly AgendaItem[], currentId: string | null, step: 1 | -1): string | null {
  const at = agenda.findIndex((i) => i.id === currentId);
  if (at < 0) return agenda[0]?.id ?? null;
  return agenda[at + step]?.id ?? null;
}

export interface CaseTimer {
  elapsedSeconds: number;
  plannedSeconds: number;
  /** Past the time planned for the case. */
  over: boolean;
}

export function caseTimer(current: SessionCurrent, item: Pick<AgendaItem, 'minutes'>, now: Date): CaseTimer {
  const elapsedSeconds = Math.max(0, Math.floor((now.getTime() - Date.parse(current.since)) / 1000));
  const plannedSeconds = item.minutes * 60;
  return { elapsedSeconds, plannedSeconds, over: elapsedSeconds > plannedSeconds };
}

// When the case is to be looked at again after a meeting: a series' next meeting takes it back by then.
import type * as Y from 'yjs';
import type { Validated } from '../validation';
import { isoDateSchema } from './schema';
import { reevaluations, refuse, writable, type RcpMeeting } from './rcpFicheDoc';

/** The re-evaluation date one meeting's fiche sets, or null. */
export function readRcpReevaluation(doc: Y.Doc, meetingId: string): string | null {
  const value = isoDateSchema.safeParse(reevaluations(doc).get(meetingId));
  return value.success ? value.data : null;
}

/**
 * Sets (or clears, with null) the date the case is to be looked at again; it must fall after the meeting. Refused,
 * nothing written, as every writer of the fiche once the meeting is validated or its decision recorded.
 */
export function setRcpReevaluation(
  doc: Y.Doc,
  meeting: RcpMeeting | unknown,
  date: string | null,
): Validated<string | null> {
  const ok = writable(doc, meeting);
  if (!ok.ok) return ok;
  if (date === null) {
    reevaluations(doc).delete(ok.value.meetingId);
    return { ok: true, value: null };
  }
  const parsed = isoDateSchema.safeParse(date);
  if (!parsed.success) return refuse('reevaluation', 'errors.date');
  if (parsed.data <= ok.value.date) return refuse('reevaluation', 'errors.reevaluationAfterMeeting');
  reevaluations(doc).set(ok.value.meetingId, parsed.data);
  return { ok: true, value: parsed.data };
}

// The meeting's life: planifiée → tenue → validée → verrouillée. Who may move it: the animateur validates and locks
// (he signs off the minutes); holding the meeting may be recorded by whoever runs it.
import type * as Y from 'yjs';
import type { FieldError, Validated } from '../validation';
import { readMeeting } from './layout';
import type { ConcertationStatus, Meeting } from './schema';

type Who = 'animateur' | 'bureau';
const NEXT: Readonly<Record<ConcertationStatus, { to: ConcertationStatus; by: Who } | null>> = {
  planifiee: { to: 'tenue', by: 'bureau' },
  tenue: { to: 'validee', by: 'animateur' },
  validee: { to: 'verrouillee', by: 'animateur' },
  verrouillee: null,
};

const mayAct = (by: Who, meeting: Meeting, actor: string) =>
  actor === meeting.animateur || (by === 'bureau' && (actor === meeting.coordonnateur || actor === meeting.secretaire));

/** The moves this member may make now (none, or the next status). */
export function allowedStatusMoves(meeting: Meeting, actor: string): ConcertationStatus[] {
  const next = NEXT[meeting.status];
  return next && mayAct(next.by, meeting, actor) ? [next.to] : [];
}

const refuse = (message: string): { ok: false; errors: FieldError[] } => ({
  ok: false,
  errors: [{ field: 'status', message }],
});

export function moveConcertationStatus(
  doc: Y.Doc,
  to: ConcertationStatus,
  actor: string,
  now = new Date(),
): Validated<ConcertationStatus> {
  const meeting = readMeeting(doc);
  if (!meeting) return refuse('errors.noMeeting');
  const next = NEXT[meeting.status];
  if (!next || next.to !== to) return refuse('errors.statusMove');
  if (!mayAct(next.by, meeting, actor))
    return refuse(next.by === 'animateur' ? 'errors.animateurOnly' : 'errors.bureauOnly');
  doc.transact(() => {
    const m = doc.getMap<unknown>('meeting');
    m.set('status', to);
    if (to === 'validee') {
      m.set('validatedAt', now.toISOString());
      m.set('validatedBy', actor);
    }
  });
  return { ok: true, value: to };
}

// The meeting's life: planifiée → tenue → validée → verrouillée. Who may move it: the animateur validates and locks
// (he signs off the minutes); holding the meeting may be recorded by whoever runs it. Off that path, whoever runs it
// may cancel a planned meeting (annulée) and plan it again: a meeting cancelled by mistake is not lost.
import type * as Y from 'yjs';
import type { FieldError, Validated } from '../validation';
import { CONCERTATION_LAYOUT_VERSION, readMeeting } from './layout';
import { stampMeta } from '../meta';
import type { ConcertationStatus, Meeting } from './schema';

type Who = 'animateur' | 'bureau';
const NEXT: Readonly<Record<ConcertationStatus, { to: ConcertationStatus; by: Who } | null>> = {
  planifiee: { to: 'tenue', by: 'bureau' },
  tenue: { to: 'validee', by: 'animateur' },
  validee: { to: 'verrouillee', by: 'animateur' },
  verrouillee: null,
  annulee: null,
};
/** The move aside from each status, by whoever runs the meeting: cancelling, and undoing it. */
const ASIDE: Readonly<Partial<Record<ConcertationStatus, ConcertationStatus>>> = {
  planifiee: 'annulee',
  annulee: 'planifiee',
};

const mayAct = (by: Who, meeting: Meeting, actor: string) =>
  actor === meeting.animateur || (by === 'bureau' && (actor === meeting.coordonnateur || actor === meeting.secretaire));

/** The moves this member may make now: the next status, then the one aside (cancel or plan again), if theirs. */
export function allowedStatusMoves(meeting: Meeting, actor: string): ConcertationStatus[] {
  const next = NEXT[meeting.status];
  const aside = ASIDE[meeting.status];
  return [
    ...(next && mayAct(next.by, meeting, actor) ? [next.to] : []),
    ...(aside && mayAct('bureau', meeting, actor) ? [aside] : []),
  ];
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
  const by: Who | null = next?.to === to ? next.by : ASIDE[meeting.status] === to ? 'bureau' : null;
  if (by === null) return refuse('errors.statusMove');
  if (!mayAct(by, meeting, actor)) return refuse(by === 'animateur' ? 'errors.animateurOnly' : 'errors.bureauOnly');
  doc.transact(() => {
    const m = doc.getMap<unknown>('meeting');
    m.set('status', to);
    if (to === 'validee') {
      m.set('validatedAt', now.toISOString());
      m.set('validatedBy', actor);
    }
    if (to === 'annulee') {
      // A meeting planned by an older client is stamped with the layout that knows cancelling.
      stampMeta(doc, 'concertation', CONCERTATION_LAYOUT_VERSION);
      m.set('cancelledAt', now.toISOString());
      m.set('cancelledBy', actor);
    } else if (m.has('cancelledAt')) {
      m.delete('cancelledAt');
      m.delete('cancelledBy');
    }
  });
  return { ok: true, value: to };
}

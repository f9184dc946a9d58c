// Typed read/write over a concertation's Y.Doc. `meeting` holds the details and status, `participants` is a set,
// `agenda` holds items ordered by fractional keys, `attendance` and `sheet` are keyed by member: each person writes
// only their own key, so answers and signatures given offline on separate devices all merge.
import type * as Y from 'yjs';
import { readMeta, stampMeta } from '../meta';
import { validate, type FieldError, type Validated } from '../validation';
import { memberIdSchema } from '../../sync/ids';
import { newConcertationSchema, type Meeting, type NewConcertationInput } from './schema';
import { editable, meetingMap, participantSet, readMeeting, refuse, refused, type Annuaire } from './meeting';

export { isMeetingEditable, readMeeting, type Annuaire } from './meeting';
export * from './agenda';
export * from './attendance';

/**
 * 2: a meeting may be cancelled (status `annulee`). A client that knows only 1 reads that status as planned, and would
 * write « planifiée » back into the catalogue: it shows « update Maillage » instead (decision 0030).
 */
export const CONCERTATION_LAYOUT_VERSION = 2;

export const isConcertation = (doc: Y.Doc): boolean => readMeta(doc).kind === 'concertation';

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

export function addParticipant(doc: Y.Doc, memberId: string, annuaire: Annuaire): Validated<string> {
  const meeting = editable(doc);
  if (refused(meeting)) return meeting;
  if (!memberIdSchema.safeParse(memberId).success || !annuaire.has(memberId))
    return refuse('participant', 'errors.notInAnnuaire');
  participantSet(doc).set(memberId, true);
  return { ok: true, value: memberId };
}

/** Calls back after any change, local or remote (a meeting is small: a re-read is cheap). */
export function observeConcertation(doc: Y.Doc, onChange: () => void): () => void {
  const handler = () => onChange();
  doc.on('afterTransaction', handler);
  return () => doc.off('afterTransaction', handler);
}

// Where the référents' analysis room is named: the governance document (`qualityAnalysisRoom.docId`), which every
// member reads. The id says nothing; the relay admits only the référents to the room (its list is theirs, decision
// 0037). A référent's device makes the room, its list first, then names it here.
import type * as Y from 'yjs';
import { idSchema } from '../../sync/ids';
import type { Validated } from '../validation';
import { refuseReport } from './layout';

const roomMap = (governance: Y.Doc) => governance.getMap<unknown>('qualityAnalysisRoom');

export function readAnalysisRoom(governance: Y.Doc): string | null {
  const parsed = idSchema.safeParse(roomMap(governance).get('docId'));
  return parsed.success ? parsed.data : null;
}

/** A référent names the room their device made; one already named is kept (the first one named stays). */
export function nameAnalysisRoom(
  governance: Y.Doc,
  docId: unknown,
  actor: string,
  referents: ReadonlySet<string>,
): Validated<string> {
  if (!referents.has(actor)) return refuseReport('actor', 'errors.referentOnly');
  const parsed = idSchema.safeParse(docId);
  if (!parsed.success) return refuseReport('room', 'errors.docId');
  const current = readAnalysisRoom(governance);
  if (current) return { ok: true, value: current };
  roomMap(governance).set('docId', parsed.data);
  return { ok: true, value: parsed.data };
}

export function observeAnalysisRoom(governance: Y.Doc, onChange: () => void): () => void {
  const handler = () => onChange();
  roomMap(governance).observe(handler);
  return () => roomMap(governance).unobserve(handler);
}

// The quality référents, named by a coordinator in the governance document (`qualityReferents`: member id → true, a
// set, so two coordinators naming people at once both win). Only they, and each report's reporter, open reports.
import type * as Y from 'yjs';
import { memberIdSchema } from '../../sync/ids';
import type { Validated } from '../validation';
import { refuseReport } from './layout';

const referentSet = (doc: Y.Doc) => doc.getMap<true>('qualityReferents');

export function readQualityReferents(doc: Y.Doc): string[] {
  return [...referentSet(doc).keys()].filter((id) => memberIdSchema.safeParse(id).success).sort();
}

/** Coordinators only; the last référent cannot be removed (reports would have nobody to read them). */
export function setQualityReferent(
  doc: Y.Doc,
  memberId: string,
  isReferent: boolean,
  actorRole: 'coordinator' | 'member' | 'observer',
): Validated<string[]> {
  if (actorRole !== 'coordinator') return refuseReport('referent', 'errors.coordinatorOnly');
  if (!memberIdSchema.safeParse(memberId).success) return refuseReport('referent', 'errors.memberId');
  const current = readQualityReferents(doc);
  if (!isReferent && current.length === 1 && current[0] === memberId)
    return refuseReport('referent', 'errors.lastReferent');
  if (isReferent) referentSet(doc).set(memberId, true);
  else referentSet(doc).delete(memberId);
  return { ok: true, value: readQualityReferents(doc) };
}

export function observeQualityReferents(doc: Y.Doc, onChange: () => void): () => void {
  const handler = () => onChange();
  referentSet(doc).observe(handler);
  return () => referentSet(doc).unobserve(handler);
}

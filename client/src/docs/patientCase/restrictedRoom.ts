// What the gate and the list sync need to know of a restricted document's kind: whether the copy is one, who created
// it, and the list its document wants on the relay. Patient cases (their care team) and concertations (their
// participants, decision 0033) go through the same gate.
import type * as Y from 'yjs';
import {
  isPatientCase,
  observePatientCase,
  rcpJoinPurpose,
  readPatientCase,
  setTeamMember,
  teamIds,
  wantedAcl,
  type AclPurpose,
} from '@maillage/shared';

export interface RestrictedRoom {
  /** Whether the copy holds a document of this kind (else it is empty: not synced yet, or not ours). */
  isKind(doc: Y.Doc): boolean;
  createdBy(doc: Y.Doc): string | null;
  /** Whether this member is on the list the document wants. */
  includes(doc: Y.Doc, memberId: string): boolean;
  /** The list the relay should enforce, the room's owner included. */
  wanted(doc: Y.Doc, owner: string | null): string[];
  /** A coordinator joining on purpose: written into the document first, so the list follows it. */
  join(doc: Y.Doc, memberId: string): void;
  observe(doc: Y.Doc, onChange: () => void): () => void;
  /** Why `added` join the list, when the relay's access journal should say it (a case's « RCP du … »). */
  purpose?(doc: Y.Doc, added: readonly string[]): AclPurpose | undefined;
}

export const patientCaseRoom: RestrictedRoom = {
  isKind: isPatientCase,
  createdBy: (doc) => (isPatientCase(doc) ? readPatientCase(doc).createdBy : null),
  includes: (doc, memberId) => teamIds(doc).includes(memberId),
  wanted: wantedAcl,
  join: (doc, memberId) => void setTeamMember(doc, memberId, true, memberId),
  observe: observePatientCase,
  purpose: rcpJoinPurpose,
};

// Creating a patient case: the document, under an id bound to its creator, and, before anything can connect to its room,
// its care-team list on the relay; its catalogue entry (never the patient's identity) only once the relay holds the list,
// so its id is never published before (decision 0016). Offline, both wait: the case screen's gate sends them.
import {
  createPatientCase,
  newRestrictedNonce,
  recordEnforcedAcl,
  restrictedDocId,
  type NewPatientCaseInput,
  type Validated,
} from '@maillage/shared';
import type { WorkspaceRow } from '../../store/db';
import { docStore } from '../../store/docStore';
import { addPendingShare, removePendingShare } from '../../store/pendingShares';
import { setAcl } from '../../workspace/relayAcl';
import { caseReference } from './caseReference';
import { publishPendingCase } from './publishCase';

export interface CreatedCase {
  docId: string;
  /** Whether the relay already enforces the list (else the case stays on this device until it does). */
  shared: boolean;
}

export async function newPatientCase(
  row: WorkspaceRow,
  input: NewPatientCaseInput | unknown,
  titleOf: (reference: string) => string,
): Promise<Validated<CreatedCase>> {
  const nonce = newRestrictedNonce();
  const docId = await restrictedDocId(row.id, row.memberId, nonce);
  const doc = await docStore.acquire(row.id, docId);
  try {
    const created = createPatientCase(doc, input, row.memberId);
    if (!created.ok) return created;
    const now = new Date().toISOString();
    const title = titleOf(caseReference(docId));
    const team = [...created.value.team].sort();
    await docStore.putMeta({
      workspaceId: row.id,
      docId,
      kind: 'patientCase',
      title,
      status: 'en_cours',
      updatedAt: now,
      excerpt: '',
    });
    // The nonce is kept before the relay is asked: a page closed mid-request must still be able to prove the case is ours.
    const pending = { docId, nonce, title, createdAt: now };
    await addPendingShare(row.id, pending);
    let shared = false;
    if (navigator.onLine) {
      try {
        const view = await setAcl(row, docId, team, nonce);
        recordEnforcedAcl(doc, view);
        // Through the store, not the screen's copy: the screen may be gone by the time the relay answers.
        await publishPendingCase(row.id, docId, view.members);
        shared = true;
      } catch {
        // Retried by the case screen's gate and, screen closed, by PendingShares; the screen says it is on this device only.
      }
    }
    if (shared) await removePendingShare(row.id, docId);
    await docStore.flushed(row.id, docId);
    return { ok: true, value: { docId, shared } };
  } finally {
    await docStore.release(row.id, docId);
  }
}

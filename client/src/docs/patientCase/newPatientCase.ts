// Creating a patient case: the document, its catalogue entry (never the patient's identity) and, before anything can
// connect to its room, its care-team list on the relay. Offline, the list waits: the case screen's gate sends it.
import type * as Y from 'yjs';
import { createPatientCase, newDocId, recordEnforcedAcl, upsertCatalogueEntry, type NewPatientCaseInput, type Validated } from '@maillage/shared';
import type { WorkspaceRow } from '../../store/db';
import { docStore } from '../../store/docStore';
import { addPendingShare } from '../../store/pendingShares';
import { setAcl } from '../../workspace/relayAcl';
import { caseReference } from './caseReference';

export interface CreatedCase {
  docId: string;
  /** Whether the relay already enforces the list (else the case stays on this device until it does). */
  shared: boolean;
}

export async function newPatientCase(row: WorkspaceRow, catalogue: Y.Doc, input: NewPatientCaseInput | unknown, titleOf: (reference: string) => string): Promise<Validated<CreatedCase>> {
  const docId = newDocId();
  const doc = await docStore.acquire(row.id, docId);
  try {
    const created = createPatientCase(doc, input, row.memberId);
    if (!created.ok) return created;
    const now = new Date().toISOString();
    const title = titleOf(caseReference(docId));
    const team = [...created.value.team].sort();
    upsertCatalogueEntry(catalogue, docId, { kind: 'patientCase', title, status: 'en_cours', groupId: null, createdAt: now, updatedAt: now, deletedAt: null, restrictedTo: team });
    await docStore.putMeta({ workspaceId: row.id, docId, kind: 'patientCase', title, status: 'en_cours', updatedAt: now, excerpt: '' });
    let shared = false;
    if (navigator.onLine) {
      try {
        recordEnforcedAcl(doc, await setAcl(row, docId, team));
        shared = true;
      } catch {
        // Retried by the case screen's gate and, screen closed, by PendingShares; the screen says it is on this device only.
      }
    }
    if (!shared) await addPendingShare(row.id, docId);
    await docStore.flushed(row.id, docId);
    return { ok: true, value: { docId, shared } };
  } finally {
    await docStore.release(row.id, docId);
  }
}

// Planning a meeting: the document, under an id bound to its creator, and, before anything can connect to its room, its
// participants as the room's list on the relay; its catalogue entry (kind, title, day and time: never a patient) only
// once the relay holds the list, so its id is never published before (decisions 0016, 0033). Offline, both wait: the
// meeting screen's gate or PendingShares sends them. Invalid input creates nothing.
import {
  createConcertation,
  meetingAcl,
  newRestrictedNonce,
  recordEnforcedAcl,
  restrictedDocId,
  type Annuaire,
  type Meeting,
  type NewConcertationInput,
  type Validated,
} from '@maillage/shared';
import type { WorkspaceRow } from '../../store/db';
import { docStore } from '../../store/docStore';
import { addPendingShare, removePendingShare } from '../../store/pendingShares';
import { setAcl } from '../../workspace/relayAcl';
import { publishPendingCase } from '../patientCase/publishCase';

export async function newConcertation(
  row: WorkspaceRow,
  input: NewConcertationInput,
  annuaire: Annuaire,
  titleOf: (meeting: Meeting) => string,
  /** The meeting whose cases this one takes (« Préparer la prochaine »), named in its catalogue entry. */
  { preparedFrom }: { preparedFrom?: string } = {},
): Promise<Validated<{ docId: string; shared: boolean }>> {
  const nonce = newRestrictedNonce();
  const docId = await restrictedDocId(row.id, row.memberId, nonce);
  const doc = await docStore.acquire(row.id, docId);
  try {
    const created = createConcertation(doc, input, row.memberId, annuaire);
    if (!created.ok) return created;
    const meeting = created.value;
    const title = titleOf(meeting);
    const now = new Date().toISOString();
    await docStore.putMeta({
      workspaceId: row.id,
      docId,
      kind: 'concertation',
      title,
      status: meeting.status,
      updatedAt: now,
      excerpt: '',
    });
    // The nonce is kept before the relay is asked: a page closed mid-request must still be able to prove the id is ours.
    const pending = {
      docId,
      nonce,
      title,
      createdAt: now,
      kind: 'concertation' as const,
      meetingDate: meeting.date,
      meetingStart: meeting.start,
      ...(preparedFrom ? { preparedFrom } : {}),
    };
    await addPendingShare(row.id, pending);
    let shared = false;
    if (navigator.onLine) {
      try {
        const view = await setAcl(row, docId, meetingAcl(doc, row.memberId), nonce);
        recordEnforcedAcl(doc, view);
        await publishPendingCase(row.id, docId, view.members);
        shared = true;
      } catch {
        // Retried by the meeting screen's gate and, screen closed, by PendingShares.
      }
    }
    if (shared) await removePendingShare(row.id, docId);
    await docStore.flushed(row.id, docId);
    return { ok: true, value: { docId, shared } };
  } finally {
    await docStore.release(row.id, docId);
  }
}

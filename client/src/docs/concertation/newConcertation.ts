// Planning a meeting: the document, then its catalogue entry (kind, title, day and time: never a patient), so every
// member's meetings list shows it. Invalid input creates nothing.
import type * as Y from 'yjs';
import {
  createConcertation,
  newDocId,
  upsertCatalogueEntry,
  type Annuaire,
  type Meeting,
  type NewConcertationInput,
  type Validated,
} from '@maillage/shared';
import { docStore } from '../../store/docStore';

export async function newConcertation(
  workspaceId: string,
  catalogue: Y.Doc,
  input: NewConcertationInput,
  creator: string,
  annuaire: Annuaire,
  titleOf: (meeting: Meeting) => string,
): Promise<Validated<{ docId: string }>> {
  const docId = newDocId();
  const doc = await docStore.acquire(workspaceId, docId);
  try {
    const created = createConcertation(doc, input, creator, annuaire);
    if (!created.ok) return created;
    const meeting = created.value;
    const title = titleOf(meeting);
    const now = new Date().toISOString();
    upsertCatalogueEntry(catalogue, docId, {
      kind: 'concertation',
      title,
      status: meeting.status,
      groupId: null,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
      theme: '',
      professions: [],
      reviewDate: null,
      meetingDate: meeting.date,
      meetingStart: meeting.start,
    });
    await docStore.putMeta({
      workspaceId,
      docId,
      kind: 'concertation',
      title,
      status: meeting.status,
      updatedAt: now,
      excerpt: '',
    });
    await docStore.flushed(workspaceId, docId);
    return { ok: true, value: { docId } };
  } finally {
    await docStore.release(workspaceId, docId);
  }
}

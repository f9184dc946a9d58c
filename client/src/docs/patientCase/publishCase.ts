// A case's (or a meeting's) catalogue entry is written only once the relay holds its list: until then its id is known to
// this device alone, so nobody can claim its room first (decision 0016). Its creator's list shows it meanwhile from this
// device. A meeting's entry is listed for everyone (day, type, status), its room admits its participants only (0033).
import type * as Y from 'yjs';
import {
  readCatalogueEntry,
  upsertCatalogueEntry,
  WELL_KNOWN_DOCS,
  type CatalogueEntry,
  type CatalogueItem,
} from '@maillage/shared';
import { docStore } from '../../store/docStore';
import { pendingCaseOf, type PendingCase } from '../../store/pendingShares';

const common = (pending: PendingCase, updatedAt: string) => ({
  title: pending.title,
  groupId: null,
  createdAt: pending.createdAt,
  updatedAt,
  deletedAt: null,
  theme: '',
  professions: [],
  reviewDate: null,
});

const entryOf = (pending: PendingCase, members: readonly string[], updatedAt: string): CatalogueEntry =>
  pending.kind === 'concertation'
    ? {
        ...common(pending, updatedAt),
        kind: 'concertation',
        status: 'planifiee',
        ...(pending.meetingDate ? { meetingDate: pending.meetingDate } : {}),
        ...(pending.meetingStart ? { meetingStart: pending.meetingStart } : {}),
        ...(pending.preparedFrom ? { preparedFrom: pending.preparedFrom } : {}),
      }
    : { ...common(pending, updatedAt), kind: 'patientCase', status: 'en_cours', restrictedTo: [...members].sort() };

/** Writes the entry of a case whose list the relay now holds, unless the catalogue already has one (never overwritten). */
function writeCaseEntry(catalogue: Y.Doc, pending: PendingCase, members: readonly string[]): void {
  if (readCatalogueEntry(catalogue, pending.docId)) return;
  upsertCatalogueEntry(catalogue, pending.docId, entryOf(pending, members, new Date().toISOString()));
}

/** After the relay answered with the list of `docId`: publishes the case if it was created here and is still waiting. */
export async function publishPendingCase(
  workspaceId: string,
  docId: string,
  members: readonly string[],
): Promise<void> {
  const pending = await pendingCaseOf(workspaceId, docId);
  if (!pending) return;
  const catalogue = await docStore.acquire(workspaceId, WELL_KNOWN_DOCS.catalogue);
  try {
    writeCaseEntry(catalogue, pending, members);
    await docStore.flushed(workspaceId, WELL_KNOWN_DOCS.catalogue);
  } finally {
    await docStore.release(workspaceId, WELL_KNOWN_DOCS.catalogue);
  }
}

/** How a case waiting on this device is listed for its creator meanwhile (the shared catalogue does not have it yet). */
export const pendingCaseItem = (pending: PendingCase, memberId: string): CatalogueItem => ({
  docId: pending.docId,
  ...entryOf(pending, [memberId], pending.createdAt),
});

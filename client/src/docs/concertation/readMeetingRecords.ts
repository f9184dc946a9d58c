// The meetings a year's ACI counts read, from this device's copies (IndexedDB, never the relay). Asked all at once:
// IndexedDB serves the reads together instead of one round trip after another; each copy is let go once read.
import { readAgenda, readMeeting, readSheet, type MeetingRecord } from '@maillage/shared';
import type { DocStore } from '../../store/docStore';

export async function readMeetingRecords(
  store: DocStore,
  workspaceId: string,
  docIds: readonly string[],
): Promise<MeetingRecord[]> {
  const records = await Promise.all(
    docIds.map(async (docId): Promise<MeetingRecord | null> => {
      const doc = await store.acquire(workspaceId, docId);
      try {
        const meeting = readMeeting(doc);
        return meeting ? { docId, meeting, agenda: readAgenda(doc), sheet: readSheet(doc) } : null;
      } finally {
        await store.release(workspaceId, docId);
      }
    }),
  );
  return records.filter((r): r is MeetingRecord => r !== null);
}

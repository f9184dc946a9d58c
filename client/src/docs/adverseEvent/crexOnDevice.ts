// The CREX meetings a référent may put a report on: concertations of type CREX whose copy is on this device (the
// relay let this member read them) and whose agenda can still change. Read from IndexedDB, never the relay.
import { isMeetingEditable, readMeeting, type CatalogueItem } from '@maillage/shared';
import { docStore } from '../../store/docStore';

export async function crexMeetingsOnDevice(
  workspaceId: string,
  items: readonly CatalogueItem[],
): Promise<CatalogueItem[]> {
  const found: CatalogueItem[] = [];
  for (const item of items.filter((i) => i.kind === 'concertation' && !i.deletedAt)) {
    const doc = await docStore.acquire(workspaceId, item.docId);
    try {
      const meeting = readMeeting(doc);
      if (meeting?.type === 'crex' && isMeetingEditable(meeting)) found.push(item);
    } finally {
      await docStore.release(workspaceId, item.docId);
    }
  }
  return found;
}

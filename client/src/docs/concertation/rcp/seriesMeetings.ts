// The meetings of a series on this device: the series lives in each meeting's document, so finding them opens the
// catalogue's candidates (those held here) one at a time.
import { readMeeting, readSeries, type CatalogueItem, type ConcertationStatus } from '@maillage/shared';
import { docStore } from '../../../store/docStore';

/** The meetings among `entries` that this device holds, of `seriesId` and with this status. */
async function seriesMeetings(
  workspaceId: string,
  entries: readonly CatalogueItem[],
  seriesId: string,
  status: ConcertationStatus,
): Promise<CatalogueItem[]> {
  const found: CatalogueItem[] = [];
  for (const entry of entries) {
    if (entry.kind !== 'concertation' || entry.deletedAt) continue;
    if (!(await docStore.hasCopy(workspaceId, entry.docId))) continue;
    const doc = await docStore.acquire(workspaceId, entry.docId);
    try {
      if (readSeries(doc)?.id === seriesId && readMeeting(doc)?.status === status) found.push(entry);
    } finally {
      await docStore.release(workspaceId, entry.docId);
    }
  }
  return found;
}

/** A meeting of `seriesId` on `date` with this status, on this device, or null. */
export async function seriesMeetingOn(
  workspaceId: string,
  items: readonly CatalogueItem[],
  seriesId: string,
  date: string,
  status: ConcertationStatus,
): Promise<string | null> {
  const onDate = items.filter((entry) => entry.meetingDate === date);
  return (await seriesMeetings(workspaceId, onDate, seriesId, status))[0]?.docId ?? null;
}

/** The series' days from `from` on whose meeting was cancelled, as far as this device knows: its calendar leaves them out. */
export async function cancelledSeriesDays(
  workspaceId: string,
  items: readonly CatalogueItem[],
  seriesId: string,
  from: string,
): Promise<string[]> {
  // The catalogue follows each meeting's status: only the cancelled ones are opened.
  const cancelled = items.filter((e) => e.status === 'annulee' && !!e.meetingDate && e.meetingDate >= from);
  return (await seriesMeetings(workspaceId, cancelled, seriesId, 'annulee')).map((e) => e.meetingDate!);
}

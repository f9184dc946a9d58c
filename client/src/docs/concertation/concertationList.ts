// The meetings screen's list: concertations from the catalogue, split into upcoming and past, narrowed to what a search
// found (useFullText: titles, and the place and agenda of the meetings this device holds) and sorted, without opening
// any of them (the catalogue entry carries the day and start time).
import type { CatalogueItem } from '@maillage/shared';

export type MeetingSort = 'date' | 'title' | 'status';
export const MEETING_SORTS: readonly MeetingSort[] = ['date', 'title', 'status'];

export interface MeetingLists {
  upcoming: CatalogueItem[];
  past: CatalogueItem[];
}

const when = (i: CatalogueItem) => `${i.meetingDate ?? ''}T${i.meetingStart ?? ''}`;
const STATUS_ORDER = ['planifiee', 'tenue', 'validee', 'verrouillee', 'annulee'];

/**
 * Upcoming meetings (today included) soonest first, past ones latest first; other sorts apply to both lists. `found`:
 * the search's hits, null when nothing is searched.
 */
export function meetingLists(
  items: readonly CatalogueItem[],
  today: string,
  found: { has(docId: string): boolean } | null,
  sort: MeetingSort,
): MeetingLists {
  const meetings = items.filter(
    (i) => i.kind === 'concertation' && !i.deletedAt && i.meetingDate && (!found || found.has(i.docId)),
  );
  const upcoming = meetings.filter((i) => i.meetingDate! >= today).sort((a, b) => when(a).localeCompare(when(b)));
  const past = meetings.filter((i) => i.meetingDate! < today).sort((a, b) => when(b).localeCompare(when(a)));
  if (sort === 'title') for (const list of [upcoming, past]) list.sort((a, b) => a.title.localeCompare(b.title, 'fr'));
  if (sort === 'status')
    for (const list of [upcoming, past])
      list.sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status));
  return { upcoming, past };
}

// The meetings screen's list: concertations from the catalogue, split into upcoming and past, searched and sorted
// without opening any of them (the catalogue entry carries the day and start time).
import type { CatalogueItem } from '@maillage/shared';
import { matches } from '../../ui/search';

export type MeetingSort = 'date' | 'title' | 'status';
export const MEETING_SORTS: readonly MeetingSort[] = ['date', 'title', 'status'];

export interface MeetingLists {
  upcoming: CatalogueItem[];
  past: CatalogueItem[];
}

const when = (i: CatalogueItem) => `${i.meetingDate ?? ''}T${i.meetingStart ?? ''}`;
const STATUS_ORDER = ['planifiee', 'tenue', 'validee', 'verrouillee'];

/** Upcoming meetings (today included) soonest first, past ones latest first; other sorts apply to both lists. */
export function meetingLists(
  items: readonly CatalogueItem[],
  today: string,
  query: string,
  sort: MeetingSort,
): MeetingLists {
  const meetings = items.filter(
    (i) => i.kind === 'concertation' && !i.deletedAt && i.meetingDate && (!query || matches(i.title, query)),
  );
  const upcoming = meetings.filter((i) => i.meetingDate! >= today).sort((a, b) => when(a).localeCompare(when(b)));
  const past = meetings.filter((i) => i.meetingDate! < today).sort((a, b) => when(b).localeCompare(when(a)));
  if (sort === 'title') for (const list of [upcoming, past]) list.sort((a, b) => a.title.localeCompare(b.title, 'fr'));
  if (sort === 'status')
    for (const list of [upcoming, past])
      list.sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status));
  return { upcoming, past };
}

// What the protocols list can be narrowed to (theme, status, profession, working group, review due) and sorted by.
import { PROTOCOL_STATUSES, type CatalogueItem } from '@maillage/shared';
import { byStatusOrder, byTitle, lastModifiedFirst, type ItemSorter } from './itemSorters';

export interface CatalogueFilter {
  theme: string;
  status: string;
  profession: string;
  groupId: string;
  reviewDue: boolean;
}

export const NO_FILTER: CatalogueFilter = {
  theme: '',
  status: '',
  profession: '',
  groupId: '',
  reviewDue: false,
};

/** A review counts as due a month ahead, so the group has time to meet. */
const DUE_SOON_DAYS = 30;

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Whether a diffused protocol's yearly review is past (overdue) or within a month (soon). */
export function reviewState(item: CatalogueItem, today: string): 'overdue' | 'soon' | null {
  if (item.status !== 'diffuse' || !item.reviewDate) return null;
  if (item.reviewDate <= today) return 'overdue';
  return item.reviewDate <= addDays(today, DUE_SOON_DAYS) ? 'soon' : null;
}

export function applyFilter(items: readonly CatalogueItem[], filter: CatalogueFilter, today: string): CatalogueItem[] {
  return items.filter(
    (i) =>
      (!filter.theme || i.theme.toLowerCase() === filter.theme.toLowerCase()) &&
      (!filter.status || i.status === filter.status) &&
      (!filter.profession || (i.professions as string[]).includes(filter.profession)) &&
      (!filter.groupId || i.groupId === filter.groupId) &&
      (!filter.reviewDue || reviewState(i, today) !== null),
  );
}

/** The themes in use, each once whatever its case, in French order. */
export function themesOf(items: readonly CatalogueItem[]): string[] {
  const seen = new Map<string, string>();
  for (const { theme } of items) if (theme && !seen.has(theme.toLowerCase())) seen.set(theme.toLowerCase(), theme);
  return [...seen.values()].sort((a, b) => a.localeCompare(b, 'fr'));
}

export type SortKey = 'relevance' | 'updated' | 'title' | 'status';
export const SORTERS: Record<Exclude<SortKey, 'relevance'>, ItemSorter> = {
  updated: lastModifiedFirst,
  title: byTitle,
  status: byStatusOrder(PROTOCOL_STATUSES),
};

// How a list of catalogue items is ordered: last modified, newest, by title, or by where its status stands in its
// workflow (a draft first, the archive last), never by the status code's spelling.
import type { CatalogueItem } from '@maillage/shared';

export type ItemSorter = (a: CatalogueItem, b: CatalogueItem) => number;

export const byTitle: ItemSorter = (a, b) => a.title.localeCompare(b.title, 'fr');
export const lastModifiedFirst: ItemSorter = (a, b) => b.updatedAt.localeCompare(a.updatedAt);
export const newestFirst: ItemSorter = (a, b) => b.createdAt.localeCompare(a.createdAt);

/** `order`: the workflow's statuses in their order; a status it does not know (a newer app's) comes last. */
export function byStatusOrder(order: readonly string[]): ItemSorter {
  const rank = (status: string) => {
    const index = order.indexOf(status);
    return index < 0 ? order.length : index;
  };
  return (a, b) => rank(a.status) - rank(b.status) || byTitle(a, b);
}

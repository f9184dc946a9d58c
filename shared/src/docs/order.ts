// Fractional order keys shared by every ordered collection (protocol rows, concertation agendas): moving an item
// rewrites one key, so concurrent moves and edits of other fields all survive a merge.
import { generateKeyBetween } from 'fractional-indexing';

export interface Ordered {
  id: string;
  pos: string;
}

/** Two items inserted at the same place at once get the same key: the id breaks the tie the same way everywhere. */
export function sortByPos<T extends Ordered>(list: T[]): T[] {
  return list.sort((a, b) => (a.pos < b.pos ? -1 : a.pos > b.pos ? 1 : a.id < b.id ? -1 : 1));
}

/**
 * A key for an item at `index` of a sorted list. Two items added at one place at once share a key (the id orders
 * them): a new key must then go past every item tied with the one before it, or there would be no room between them.
 */
export function keyAt(list: readonly Ordered[], index: number): string {
  const before = list[index - 1]?.pos ?? null;
  let next = index;
  while (before !== null && next < list.length && list[next]!.pos <= before) next++;
  return generateKeyBetween(before, list[next]?.pos ?? null);
}

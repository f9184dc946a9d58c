// The working groups as the list shows them: narrowed by a search of their name, theme and members' names (accents and
// case ignored), sorted by name or by size (the largest first).
import type { Group } from '@maillage/shared';
import { matches } from '../../ui/search';

export type GroupSort = 'name' | 'size';
export const GROUP_SORTS: readonly GroupSort[] = ['name', 'size'];

const byName = (a: Group, b: Group) => a.name.localeCompare(b.name, 'fr');
const SORTERS: Record<GroupSort, (a: Group, b: Group) => number> = {
  name: byName,
  size: (a, b) => b.members.length - a.members.length || byName(a, b),
};

/** `names`: the annuaire's names by member id (a member it does not hold is not found by name). */
export function groupList(
  groups: readonly Group[],
  names: ReadonlyMap<string, string>,
  query: string,
  sort: GroupSort,
): Group[] {
  const text = (g: Group) => [g.name, g.theme, ...g.members.map((id) => names.get(id) ?? '')].join(' ');
  return groups.filter((g) => matches(text(g), query)).sort(SORTERS[sort]);
}

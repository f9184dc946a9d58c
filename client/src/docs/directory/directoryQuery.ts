// Searching the annuaire as one types: each entry's text is normalised once, so a keystroke is a scan of strings.
import type { DirectoryMember, Profession } from '@maillage/shared';
import { normalize } from '../../ui/search';

export type DirectorySort = 'name' | 'profession' | 'commune' | 'updated';

export interface DirectoryFilter {
  query: string;
  profession: Profession | '';
  commune: string;
  sort: DirectorySort;
}

export interface IndexedMember {
  member: DirectoryMember;
  /** Normalised name, profession label, practice, commune, skills and languages. */
  haystack: string;
}

export function indexDirectory(
  members: readonly DirectoryMember[],
  professionLabel: (p: Profession) => string,
): IndexedMember[] {
  return members.map((member) => ({
    member,
    haystack: normalize(
      [
        member.name,
        professionLabel(member.profession),
        member.practiceName,
        member.commune,
        member.address,
        ...member.skills,
        ...member.languages,
      ].join(' '),
    ),
  }));
}

const collator = new Intl.Collator('fr', { sensitivity: 'base' });
const sorters: Record<DirectorySort, (a: DirectoryMember, b: DirectoryMember) => number> = {
  name: (a, b) => collator.compare(a.name, b.name),
  profession: (a, b) => collator.compare(a.profession, b.profession) || collator.compare(a.name, b.name),
  commune: (a, b) => collator.compare(a.commune || '\uffff', b.commune || '\uffff') || collator.compare(a.name, b.name),
  updated: (a, b) => b.updatedAt.localeCompare(a.updatedAt),
};

export function queryDirectory(index: readonly IndexedMember[], filter: DirectoryFilter): DirectoryMember[] {
  const words = normalize(filter.query).split(/\s+/).filter(Boolean);
  const commune = normalize(filter.commune);
  const found: DirectoryMember[] = [];
  for (const { member, haystack } of index) {
    if (filter.profession && member.profession !== filter.profession) continue;
    if (commune && normalize(member.commune) !== commune) continue;
    if (words.every((w) => haystack.includes(w))) found.push(member);
  }
  return found.sort(sorters[filter.sort]);
}

/** The communes present, for the filter: sorted the French way, each once. */
export function communesOf(members: readonly DirectoryMember[]): string[] {
  const byKey = new Map<string, string>();
  for (const { commune } of members)
    if (commune && !byKey.has(normalize(commune))) byKey.set(normalize(commune), commune);
  return [...byKey.values()].sort(collator.compare);
}

/** « Médecins acceptant de nouveaux patients », grouped by commune (communes sorted, doctors by name). */
export function gpsTakingNewPatients(members: readonly DirectoryMember[]): [string, DirectoryMember[]][] {
  const groups = new Map<string, DirectoryMember[]>();
  for (const m of members) {
    if (m.profession !== 'medecin_generaliste' || m.acceptsNewPatients !== true) continue;
    const key = m.commune || '';
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : collator.compare(a, b)))
    .map(([commune, list]) => [commune, list.sort(sorters.name)]);
}

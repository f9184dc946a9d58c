// The crisis directory leaves Maillage as CSV or vCard, for the day the app is not at hand: names, professions and
// ways to reach volunteers, their skills and availability — never a patient.
import type { DirectoryMember, Profession, CrisisTypology } from '@maillage/shared';
import { toCsv } from '../../ui/csv';
import { directoryVCards } from '../directory/directoryExport';

export function volunteersCsv(
  volunteers: readonly DirectoryMember[],
  headers: Record<string, string>,
  professionLabel: (p: Profession) => string,
  typologyLabel: (t: CrisisTypology) => string,
  allTypologies: string,
): string {
  const columns: [string, (m: DirectoryMember) => string][] = [
    ['name', (m) => m.name],
    ['profession', (m) => professionLabel(m.profession)],
    ['phone', (m) => m.phone],
    ['mssante', (m) => m.mssante],
    ['commune', (m) => m.commune],
    ['skills', (m) => [...m.skills, ...(m.crisis?.skills ?? [])].join(', ')],
    ['availability', (m) => m.crisis?.availability ?? ''],
    [
      'typologies',
      (m) => (m.crisis?.typologies.length ? m.crisis.typologies.map(typologyLabel).join(', ') : allTypologies),
    ],
  ];
  return toCsv([
    columns.map(([key]) => headers[key] ?? key),
    ...volunteers.map((m) => columns.map(([, get]) => get(m))),
  ]);
}

/** The annuaire's vCards, with the crisis skills and availability in the note. */
export function volunteersVCards(volunteers: readonly DirectoryMember[], professionLabel: (p: Profession) => string) {
  return directoryVCards(
    volunteers.map((m) => ({
      ...m,
      skills: [...m.skills, ...(m.crisis?.skills ?? []), ...(m.crisis?.availability ? [m.crisis.availability] : [])],
    })),
    professionLabel,
  );
}

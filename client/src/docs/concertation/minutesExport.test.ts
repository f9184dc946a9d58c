import { describe, expect, it } from 'vitest';
import type { AgendaItem, DirectoryMember, Meeting } from '@maillage/shared';
import { MINUTES_COLUMNS, minutesCsv, type MinutesLabels } from './minutesExport';

const meeting = { date: '2027-01-05', type: 'rcp_patient' } as Meeting;
const members = [
  { memberId: 'member-denis1', name: 'Denis Roux', profession: 'medecin_generaliste' },
] as DirectoryMember[];
const item = (over: Partial<AgendaItem>): AgendaItem => ({
  id: 'item-00000001',
  caseId: 'case-aaaaaaaa',
  label: 'Dossier de coordination · réf. ABC123',
  presenter: 'member-denis1',
  question: 'Maintien à domicile ?',
  criterion: 'age_75',
  minutes: 15,
  discussed: true,
  ...over,
});
const labels: MinutesLabels = {
  headers: Object.fromEntries(MINUTES_COLUMNS.map((c) => [c, c.toUpperCase()])) as MinutesLabels['headers'],
  type: () => 'RCP patient',
  criterion: (c) => (c === 'age_75' ? '75 ans et plus' : c),
  profession: () => 'Médecin généraliste',
  yesNo: (v) => (v ? 'oui' : 'non'),
  unknownMember: 'Membre inconnu',
};

const parse = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(';'));

describe('minutes CSV', () => {
  it('has one row per case, in agenda order, with the meeting day and the case’s reference only', () => {
    const csv = minutesCsv(
      meeting,
      [item({}), item({ id: 'item-2', presenter: 'member-gone', discussed: false, question: 'Plaie ; pansement' })],
      members,
      labels,
    );
    const rows = parse(csv);
    expect(rows[0]).toEqual(MINUTES_COLUMNS.map((c) => c.toUpperCase()));
    expect(rows[1]).toEqual([
      '2027-01-05',
      'RCP patient',
      'Dossier de coordination · réf. ABC123',
      '75 ans et plus',
      'Denis Roux',
      'Médecin généraliste',
      'Maintien à domicile ?',
      '15',
      'oui',
    ]);
    // A « ; » typed in a question is quoted, never a new column.
    expect(csv).toContain('"Plaie ; pansement"');
    expect(csv.split('\r\n')[2]).toContain('Membre inconnu;;');
    expect(rows).toHaveLength(3);
  });
});

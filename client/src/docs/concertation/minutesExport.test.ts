import { describe, expect, it } from 'vitest';
import type { AgendaItem, DirectoryMember, Meeting, RcpFiche } from '@maillage/shared';
import {
  MINUTES_COLUMNS,
  minutesCsv,
  minutesJson,
  type CaseDecision,
  type MinutesLabels,
  type MinutesRow,
} from './minutesExport';
import { parseCsv } from '../../testing/parseCsv';

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
  decisionReserved: 'Réservée',
  decisionPending: 'Pas encore reportée',
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
      'Pas encore reportée',
      '',
    ]);
    // A « ; » typed in a question is quoted, never a new column.
    expect(csv).toContain('"Plaie ; pansement"');
    expect(csv.split('\r\n')[2]).toContain('Membre inconnu;;');
    expect(csv.split('\r\n')[2]).toMatch(/;non;Pas encore reportée;$/);
    expect(rows).toHaveLength(3);
  });
});

describe('minutes with decisions', () => {
  const fiche = (over: Partial<RcpFiche> = {}): RcpFiche => ({
    meetingId: 'meeting-0001',
    date: '2027-01-05',
    question: 'Maintien à domicile ?',
    criterion: 'age_75',
    held: null,
    discussion: 'Chutes',
    proposition: 'IDE',
    decision: 'Passage IDE matin et soir\nRéévaluer à un mois',
    actions: [
      { id: 'a1', text: 'Organiser l’IDE; vite', owner: 'member-denis1', due: '2027-01-12', createdAt: 'x' },
      { id: 'a2', text: 'Prévenir la famille', owner: 'member-gone', due: null, createdAt: 'y' },
    ],
    decided: { decidedAt: '2027-01-05T15:00:00Z', decidedBy: 'member-denis1', timelineEntryId: 't', actionIds: [] },
    reevaluation: null,
    unkept: false,
    ...over,
  });
  const agenda = [item({}), item({ id: 'item-2', caseId: 'case-bbbbbbbb' }), item({ id: 'item-3', caseId: 'case-c' })];
  const decisions = new Map<string, CaseDecision>([
    ['case-aaaaaaaa', fiche()],
    ['case-bbbbbbbb', 'reserved'],
    ['case-c', fiche({ decided: null })],
  ]);

  it('gives the decision and its actions in the CSV, which parses back into as many columns', () => {
    const csv = minutesCsv(meeting, agenda, members, labels, decisions);
    // A quoted cell may hold « ; » and line breaks: a real parser, not a split.
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(4);
    for (const r of rows) expect(r).toHaveLength(MINUTES_COLUMNS.length);
    expect(rows[1]!.slice(-2)).toEqual([
      'Passage IDE matin et soir\nRéévaluer à un mois',
      'Organiser l’IDE; vite — Denis Roux — 2027-01-12 | Prévenir la famille — Membre inconnu',
    ]);
    expect(rows[2]!.slice(-2)).toEqual(['Réservée', '']);
    expect(rows[3]!.slice(-2)).toEqual(['Pas encore reportée', '']);
  });

  it('gives the same rows as JSON, structured', () => {
    const json = JSON.parse(minutesJson('meeting-0001', meeting, agenda, members, labels, decisions)) as {
      meeting: { id: string; date: string };
      cases: MinutesRow[];
    };
    expect(json.meeting).toMatchObject({ id: 'meeting-0001', date: '2027-01-05' });
    expect(json.cases).toHaveLength(3);
    expect(json.cases[0]).toMatchObject({
      criterionCode: 'age_75',
      question: 'Maintien à domicile ?',
      decisionStatus: 'recorded',
      actions: [
        { text: 'Organiser l’IDE; vite', owner: 'Denis Roux', due: '2027-01-12' },
        { text: 'Prévenir la famille', owner: 'Membre inconnu', due: null },
      ],
    });
    expect(json.cases[1]).toMatchObject({ decision: null, decisionStatus: 'reserved', actions: [] });
  });
});

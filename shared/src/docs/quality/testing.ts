// Fixtures for quality-dashboard tests: a register of a year counted by hand, meetings, protocols, an annex.
import type { RegisterRow } from '../adverseEvent/schema';
import type { MeetingRecord } from '../concertation/aciCounts';
import type { AciAnnex } from './aciAnnex';
import type { CatalogueSummary } from './dashboard';

let next = 0;
export const row = (day: string, over: Partial<RegisterRow> = {}): RegisterRow => ({
  docId: `report-${String(++next).padStart(6, '0')}`,
  day,
  severity: 2,
  status: 'declare',
  category: null,
  nature: 'epr',
  eigs: false,
  ...over,
});

/**
 * 2027, by hand: 6 events; one of 2026 and one of 2028 left out.
 * Months: jan 2, mar 2, jul 1, dec 1. Categories: médicament 2, communication 1, parcours 1, à qualifier 2.
 * Severity: 1→1, 2→2, 3→1, 4→1, 5→1. Nature: epr 2, dommage 2, bonne pratique 1, unknown 1.
 * EIGS 2. Analysed or closed 3 (analysé 2, clos 1), closed 1.
 */
export const register2027: RegisterRow[] = [
  row('2027-01-04', { severity: 1, status: 'declare' }),
  row('2027-01-31', { severity: 2, status: 'qualifie', category: 'medicament', nature: 'dommage' }),
  row('2027-03-01', {
    severity: 5,
    status: 'analyse',
    category: 'medicament',
    nature: 'dommage',
    eigs: true,
  }),
  row('2027-03-15', { severity: 2, status: 'clos', category: 'communication', nature: 'bonne_pratique' }),
  row('2027-07-14', { severity: 3, status: 'declare', nature: undefined, eigs: undefined }),
  row('2027-12-31', { severity: 4, status: 'analyse', category: 'parcours', eigs: true }),
  row('2026-12-31', { severity: 5, status: 'clos', category: 'acte', eigs: true }),
  row('2028-01-01', { severity: 5, status: 'clos', category: 'acte', eigs: true }),
];

export const meeting = (
  docId: string,
  date: string,
  status: MeetingRecord['meeting']['status'],
  over: Partial<MeetingRecord> = {},
): MeetingRecord => ({ docId, meeting: { date, status, type: 'rcp_patient' }, agenda: [], sheet: [], ...over });

/** 2027: two meetings held with a validated CR (3 cases discussed), one held without, one of 2026. */
export const meetings2027: MeetingRecord[] = [
  meeting('rcp-01', '2027-02-02', 'validee', {
    agenda: [
      { caseId: 'case-a', criterion: 'age_75', discussed: true },
      { caseId: 'case-b', criterion: 'ald', discussed: false },
    ],
    sheet: [{ profession: 'medecin_generaliste' }, { profession: 'infirmier' }, { profession: 'infirmier' }],
  }),
  meeting('rcp-02', '2027-05-10', 'verrouillee', {
    agenda: [
      { caseId: 'case-a', criterion: 'age_75', discussed: true },
      { caseId: 'case-c', criterion: 'palliatif', discussed: true },
    ],
    sheet: [{ profession: 'infirmier' }, { profession: 'pharmacien' }],
  }),
  meeting('rcp-03', '2027-06-01', 'tenue', { agenda: [{ caseId: 'case-d', criterion: 'ald', discussed: true }] }),
  meeting('rcp-00', '2026-11-01', 'validee', { agenda: [{ caseId: 'case-e', criterion: 'ald', discussed: true }] }),
];

const protocol = (docId: string, status: string, reviewDate: string | null, deletedAt: string | null = null) => ({
  docId,
  kind: 'protocol',
  status,
  reviewDate,
  deletedAt,
});

const listedMeeting = (docId: string, meetingDate: string, status: string, deletedAt: string | null = null) => ({
  docId,
  kind: 'concertation',
  status,
  reviewDate: null,
  deletedAt,
  meetingDate,
});

/**
 * Today 2027-06-15. Protocols: diffused 3; due for review by the end of 2027: 3 (two of them late). Concertations
 * listed as held with a validated CR in 2027: 3, one of which this device cannot read.
 */
export const catalogue2027: CatalogueSummary[] = [
  protocol('p-1', 'diffuse', '2027-03-01'), // diffused, due, late
  protocol('p-2', 'diffuse', '2027-09-01'), // diffused, due, not late
  protocol('p-3', 'diffuse', '2029-01-01'), // diffused, not due
  protocol('p-4', 'en_revision', '2027-01-10'), // due, late
  protocol('p-5', 'brouillon', '2026-01-01'), // a draft is not reviewed
  protocol('p-6', 'diffuse', '2026-01-01', '2027-01-01T00:00:00.000Z'), // in the bin
  listedMeeting('rcp-01', '2027-02-02', 'validee'),
  listedMeeting('rcp-02', '2027-05-10', 'verrouillee'),
  listedMeeting('rcp-03', '2027-06-01', 'tenue'),
  listedMeeting('rcp-00', '2026-11-01', 'validee'),
  listedMeeting('rcp-09', '2027-09-01', 'validee'), // held, not on this device
  listedMeeting('rcp-08', '2027-03-01', 'validee', '2027-04-01T00:00:00.000Z'), // in the bin
];

export const annex: AciAnnex = [
  {
    id: 'mission-1',
    label: 'Mission 1 — accès aux soins',
    actions: [
      {
        id: 'action-11',
        label: 'Concertations pluriprofessionnelles',
        indicators: [
          {
            id: 'ind-rcp',
            label: 'Concertations tenues avec compte rendu',
            measure: 'concertations_cr',
            socle: 2,
            intermediaire: 6,
            objectif: 10,
            amount: 5000,
          },
          {
            id: 'ind-tel',
            label: 'Demandes de soins non programmés traitées',
            measure: 'manuel',
            socle: 50,
            intermediaire: 100,
            objectif: 200,
            amount: 3000,
          },
        ],
      },
    ],
  },
  {
    id: 'mission-2',
    label: 'Mission 3 — qualité et pertinence',
    actions: [
      {
        id: 'action-21',
        label: 'Démarche qualité',
        indicators: [
          {
            id: 'ind-ei',
            label: 'Événements indésirables analysés',
            measure: 'evenements_analyses',
            socle: 1,
            intermediaire: 3,
            objectif: 3,
            amount: 2000,
          },
          {
            id: 'ind-proto',
            label: 'Protocoles diffusés',
            measure: 'protocoles_diffuses',
            socle: 4,
            intermediaire: 6,
            objectif: 8,
            amount: 2500,
          },
        ],
      },
    ],
  },
];

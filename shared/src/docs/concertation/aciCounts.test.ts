import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { aciCounts, type MeetingRecord } from './aciCounts';
import { ACI_CRITERIA, CONCERTATION_STATUSES } from './schema';

const record = (
  docId: string,
  date: string,
  status: MeetingRecord['meeting']['status'],
  over: Partial<MeetingRecord> = {},
): MeetingRecord => ({
  docId,
  meeting: { date, status, type: 'rcp_patient' },
  agenda: [],
  sheet: [],
  ...over,
});

describe('ACI counts', () => {
  it('counts the year’s validated meetings, their discussed cases by criterion and professions present', () => {
    const counts = aciCounts(
      [
        record('rcp-mars', '2027-03-02', 'verrouillee', {
          agenda: [
            { caseId: 'case-a', criterion: 'age_75', discussed: true },
            { caseId: 'case-b', criterion: 'ald', discussed: false },
          ],
          sheet: [{ profession: 'medecin_generaliste' }, { profession: 'infirmier' }, { profession: 'infirmier' }],
        }),
        record('rcp-janvier', '2027-01-05', 'validee', {
          agenda: [
            { caseId: 'case-a', criterion: 'age_75', discussed: true },
            { caseId: 'case-c', criterion: 'palliatif', discussed: true },
          ],
          sheet: [{ profession: 'pharmacien' }],
        }),
        // Held but not validated, planned, or another year: not counted.
        record('rcp-fevrier', '2027-02-02', 'tenue', {
          agenda: [{ caseId: 'case-d', criterion: 'ald', discussed: true }],
        }),
        record('rcp-avril', '2027-04-06', 'planifiee'),
        record('rcp-2026', '2026-12-01', 'validee', {
          agenda: [{ caseId: 'case-e', criterion: 'ald', discussed: true }],
        }),
      ],
      2027,
    );
    expect(counts).toMatchObject({ year: 2027, meetingsHeld: 2, casesDiscussed: 3, distinctCases: 2 });
    expect(counts.perCriterion).toEqual({
      age_75: 2,
      ald: 0,
      polymedication: 0,
      complexe: 0,
      perte_autonomie: 0,
      palliatif: 1,
      autre: 0,
    });
    expect(counts.professionsPerMeeting).toEqual([
      { docId: 'rcp-janvier', date: '2027-01-05', professions: { pharmacien: 1 } },
      { docId: 'rcp-mars', date: '2027-03-02', professions: { medecin_generaliste: 1, infirmier: 2 } },
    ]);
  });

  it('sums the criteria to the cases discussed, whatever the meetings', () => {
    const item = fc.record({
      caseId: fc.constantFrom('c1', 'c2', 'c3'),
      criterion: fc.constantFrom(...ACI_CRITERIA),
      discussed: fc.boolean(),
    });
    const meeting = fc.record({
      docId: fc.string({ minLength: 1, maxLength: 8 }),
      meeting: fc.record({
        date: fc.constantFrom('2026-06-01', '2027-06-01'),
        status: fc.constantFrom(...CONCERTATION_STATUSES),
        type: fc.constant('rcp_patient' as const),
      }),
      agenda: fc.array(item, { maxLength: 6 }),
      sheet: fc.constant([]),
    });
    fc.assert(
      fc.property(fc.array(meeting, { maxLength: 10 }), (records) => {
        const counts = aciCounts(records, 2027);
        const sum = Object.values(counts.perCriterion).reduce((a, b) => a + b, 0);
        expect(sum).toBe(counts.casesDiscussed);
        expect(counts.distinctCases).toBeLessThanOrEqual(counts.casesDiscussed);
        expect(counts.professionsPerMeeting).toHaveLength(counts.meetingsHeld);
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EVENT_CATEGORIES, EVENT_NATURES, REPORT_STATUSES, type RegisterRow } from '../adverseEvent/schema';
import { crisisFigures, eventFigures, planFigures, qualityDashboard } from './dashboard';
import { meeting, meetings2027, catalogue2027, register2027 } from './testing';

const dashboard = () =>
  qualityDashboard({
    register: register2027,
    meetings: meetings2027,
    catalogue: catalogue2027,
    year: 2027,
    today: '2027-06-15',
  });

describe('quality dashboard', () => {
  it('counts the year’s events as counted by hand', () => {
    const { events } = dashboard();
    expect(events.total).toBe(6);
    expect(events.byMonth).toEqual([2, 0, 2, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
    expect(events.byCategory).toEqual({
      organisation_cabinet: 0,
      parcours: 1,
      communication: 1,
      medicament: 2,
      diagnostic: 0,
      acte: 0,
      identification: 0,
      materiel: 0,
      autre: 0,
      a_qualifier: 2,
    });
    expect(events.bySeverity).toEqual({ 1: 1, 2: 2, 3: 1, 4: 1, 5: 1 });
    expect(events.byNature).toEqual({ epr: 2, dommage: 2, bonne_pratique: 1, inconnue: 1 });
    expect(events.eigs).toBe(2);
    expect(events.analysed).toBe(3);
    expect(events.closed).toBe(1);
    expect(events.shareAnalysed).toBe(0.5);
    expect(events.shareClosed).toBeCloseTo(1 / 6);
  });

  it('has no share with no event, and counts nothing from another year', () => {
    const empty = qualityDashboard({
      register: register2027,
      meetings: [],
      catalogue: [],
      year: 2030,
      today: '2030-01-01',
    });
    expect(empty.events.total).toBe(0);
    expect(empty.events.shareAnalysed).toBeNull();
    expect(empty.concertations.meetingsHeld).toBe(0);
  });

  it('counts concertations held with a validated CR, their cases and the professions present', () => {
    const { concertations } = dashboard();
    expect(concertations.meetingsHeld).toBe(2);
    expect(concertations.casesDiscussed).toBe(3);
    expect(concertations.distinctCases).toBe(2);
    expect(concertations.meetingsPerProfession).toEqual({ medecin_generaliste: 1, infirmier: 2, pharmacien: 1 });
    // The catalogue lists a third one held; this device cannot read it, so its cases are not counted.
    expect(concertations.heldListed).toBe(3);
    expect(concertations.heldNotOnDevice).toBe(1);
  });

  it('does not count a report analysed at a CREX as a patient case discussed', () => {
    const reportId = register2027[0]!.docId;
    const crex = meeting('crex-01', '2027-03-03', 'validee', {
      agenda: [
        { caseId: reportId, criterion: 'autre', discussed: true },
        { caseId: 'case-z', criterion: 'autre', discussed: true },
      ],
    });
    const { concertations } = qualityDashboard({
      register: register2027,
      meetings: [...meetings2027, crex],
      catalogue: catalogue2027,
      year: 2027,
      today: '2027-06-15',
    });
    expect(concertations.casesDiscussed).toBe(4);
    expect(concertations.distinctCases).toBe(3);
    expect(concertations.perCriterion.autre).toBe(1);
  });

  it('counts protocols diffused, due for review by the year’s end, and late', () => {
    expect(dashboard().protocols).toEqual({ diffused: 3, dueForReview: 3, overdue: 2 });
  });

  it('counts the quality plan’s actions due in the year, done and late', () => {
    const plan = [
      { due: '2027-03-01', status: 'fait' as const },
      { due: '2027-05-01', status: 'en_cours' as const },
      { due: '2027-09-01', status: 'a_faire' as const },
      { due: '2027-06-15', status: 'a_faire' as const },
      { due: '2026-12-01', status: 'a_faire' as const },
    ];
    expect(planFigures(plan, 2027, '2027-06-15')).toEqual({ total: 4, done: 1, overdue: 1, shareDone: 0.25 });
    expect(planFigures([], 2027, '2027-06-15').shareDone).toBeNull();
    expect(dashboard().qualityPlan.total).toBe(0);
  });

  it('names the crisis plan that went furthest and counts the year’s crises', () => {
    const entry = (
      kind: string,
      status: string,
      createdAt = '2027-02-01T08:00:00.000Z',
      deletedAt: string | null = null,
    ) => ({
      docId: `${kind}-${status}`,
      kind,
      status,
      reviewDate: null,
      deletedAt,
      createdAt,
    });
    expect(
      crisisFigures(
        [
          entry('crisisPlan', 'archive'),
          entry('crisisPlan', 'valide'),
          entry('crisisPlan', 'actif', undefined, '2027-03-01T08:00:00.000Z'),
          entry('crisisActivation', 'terminee'),
          entry('crisisActivation', 'active', '2026-12-30T08:00:00.000Z'),
        ],
        2027,
      ),
    ).toEqual({ planStatus: 'valide', activations: 1, mobilised: 0, actionsDone: 0, exercises: 0 });
    expect(crisisFigures([], 2027)).toEqual({
      planStatus: null,
      activations: 0,
      mobilised: 0,
      actionsDone: 0,
      exercises: 0,
    });
  });

  it('carries nothing but counts: no report id, no free text', () => {
    const text = JSON.stringify(dashboard());
    expect(text).not.toMatch(/report-\d+/);
    expect(text).not.toContain('case-');
  });

  it('for any register, every breakdown adds up to the year’s total', () => {
    const row = fc.record({
      docId: fc.uuid(),
      day: fc
        .date({ min: new Date('2026-01-01'), max: new Date('2028-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      severity: fc.constantFrom(1, 2, 3, 4, 5),
      status: fc.constantFrom(...REPORT_STATUSES),
      category: fc.option(fc.constantFrom(...EVENT_CATEGORIES)),
      nature: fc.option(fc.constantFrom(...EVENT_NATURES), { nil: undefined }),
      eigs: fc.option(fc.boolean(), { nil: undefined }),
    }) as fc.Arbitrary<RegisterRow>;
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
        const figures = eventFigures(rows, 2027);
        const sum = (values: Record<string, number> | number[]) => Object.values(values).reduce((a, b) => a + b, 0);
        expect(figures.total).toBe(rows.filter((r) => r.day.startsWith('2027-')).length);
        for (const breakdown of [figures.byMonth, figures.byCategory, figures.bySeverity, figures.byNature])
          expect(sum(breakdown)).toBe(figures.total);
        expect(figures.closed).toBeLessThanOrEqual(figures.analysed);
        expect(figures.eigs).toBeLessThanOrEqual(figures.total);
      }),
    );
  });
});

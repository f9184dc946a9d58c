// The crisis figures of the quality dashboard and the ACI annex: crises and exercises counted apart, with the
// professionals mobilised and the actions taken that each activation's catalogue entry carries.
import { describe, expect, it } from 'vitest';
import { crisisFigures, type CatalogueSummary } from '../quality/dashboard';

const activation = (over: Partial<CatalogueSummary>): CatalogueSummary => ({
  docId: 'crisis-0000000000001',
  kind: 'crisisActivation',
  status: 'terminee',
  reviewDate: null,
  deletedAt: null,
  createdAt: '2027-07-20T14:00:00.000Z',
  ...over,
});

describe('crisis figures for the ACI', () => {
  it('sums the mobilised and the actions of the year’s crises, and counts exercises apart', () => {
    const figures = crisisFigures(
      [
        activation({ crisisMobilised: 12, crisisActionsDone: 5 }),
        activation({ docId: 'crisis-0000000000002', crisisMobilised: 3, crisisActionsDone: 1, status: 'active' }),
        activation({ docId: 'crisis-0000000000003', crisisExercise: true, crisisMobilised: 20, crisisActionsDone: 9 }),
        activation({ docId: 'crisis-0000000000004', createdAt: '2026-07-20T14:00:00.000Z', crisisMobilised: 7 }),
        activation({ docId: 'crisis-0000000000005', deletedAt: '2027-08-01T00:00:00.000Z', crisisMobilised: 7 }),
      ],
      2027,
    );
    expect(figures).toMatchObject({ activations: 2, mobilised: 15, actionsDone: 6, exercises: 1 });
  });
});

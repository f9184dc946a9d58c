import { describe, expect, it } from 'vitest';
import type { PlanAction } from '@maillage/shared';
import { ALL_PLAN, planView } from './planView';

const action = (id: string, status: PlanAction['status'], due: string, owner = 'member-alice1'): PlanAction => ({
  id,
  action: `Action ${id}`,
  objective: '',
  owner,
  due,
  indicator: '',
  reportId: null,
  status,
  createdBy: 'member-regine',
  createdAt: '2026-11-01T10:00:00.000Z',
});

const plan = [
  action('a', 'fait', '2026-12-01'),
  action('b', 'a_faire', '2027-03-01', 'member-bruno1'),
  action('c', 'en_cours', '2027-01-15'),
  action('d', 'a_faire', '2027-02-01'),
];
const ids = (list: PlanAction[]) => list.map((a) => a.id);

describe('the quality plan as a member reads it', () => {
  it('puts the nearest deadline first, what is done last, and changes nothing it is given', () => {
    expect(ids(planView(plan, ALL_PLAN, 'member-alice1'))).toEqual(['c', 'd', 'b', 'a']);
    expect(ids(plan)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('sorts by status in its order, the nearest deadline first within one', () => {
    expect(ids(planView(plan, { ...ALL_PLAN, sort: 'status' }, 'member-alice1'))).toEqual(['d', 'b', 'c', 'a']);
  });

  it('keeps one status, or only the reader’s own actions', () => {
    expect(ids(planView(plan, { ...ALL_PLAN, status: 'a_faire' }, 'member-alice1'))).toEqual(['d', 'b']);
    expect(ids(planView(plan, { ...ALL_PLAN, onlyMine: true }, 'member-bruno1'))).toEqual(['b']);
    expect(planView(plan, { ...ALL_PLAN, status: 'fait', onlyMine: true }, 'member-bruno1')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { CRISIS_PLAN_STATUSES } from '@maillage/shared';
import { catalogueItem as item } from '@maillage/shared/testing';
import { byStatusOrder, byTitle, newestFirst } from './itemSorters';

const plans = [
  item('archived', { kind: 'crisisPlan', title: 'Plan 2024', status: 'archive', createdAt: '2024-01-10T09:00:00Z' }),
  item('active', { kind: 'crisisPlan', title: 'Plan 2025', status: 'actif', createdAt: '2026-02-10T09:00:00Z' }),
  item('draft', { kind: 'crisisPlan', title: 'Plan 2026', status: 'brouillon', createdAt: '2026-01-10T09:00:00Z' }),
  item('future', { kind: 'crisisPlan', title: 'Plan canicule', status: 'suspendu', createdAt: '2023-01-10T09:00:00Z' }),
];
const order = (sorter: (a: (typeof plans)[number], b: (typeof plans)[number]) => number) =>
  [...plans].sort(sorter).map((p) => p.docId);

describe('item sorters', () => {
  it('puts statuses in their workflow’s order, a status it does not know last', () => {
    expect(order(byStatusOrder(CRISIS_PLAN_STATUSES))).toEqual(['draft', 'active', 'archived', 'future']);
  });

  it('puts the newest first, and titles in French order', () => {
    expect(order(newestFirst)).toEqual(['active', 'draft', 'archived', 'future']);
    expect(order(byTitle)).toEqual(['archived', 'active', 'draft', 'future']);
  });
});

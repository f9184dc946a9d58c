import { describe, expect, it } from 'vitest';
import { catalogueItem } from '@maillage/shared/testing';
import { crisesSince } from './CrisesSinceUpdate';

describe('crises to take into the next yearly update', () => {
  it('lists ended crises and exercises since the last update, oldest first', () => {
    const at = (docId: string, createdAt: string, over = {}) =>
      catalogueItem(docId, { kind: 'crisisActivation', status: 'terminee', createdAt, ...over });
    const items = [
      at('crisis-b', '2027-08-02T10:00:00.000Z', { crisisExercise: true }),
      at('crisis-a', '2027-07-20T10:00:00.000Z'),
      at('crisis-old', '2026-12-01T10:00:00.000Z'),
      at('crisis-on', '2027-09-01T10:00:00.000Z', { status: 'active' }),
      at('crisis-bin', '2027-09-02T10:00:00.000Z', { deletedAt: '2027-09-03T10:00:00.000Z' }),
      catalogueItem('protocol-1', { kind: 'protocol', status: 'terminee', createdAt: '2027-09-01T10:00:00.000Z' }),
    ];
    expect(crisesSince(items, '2027-01-15').map((i) => i.docId)).toEqual(['crisis-a', 'crisis-b']);
  });
});

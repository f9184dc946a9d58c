import { describe, expect, it } from 'vitest';
import type { CatalogueItem } from '@maillage/shared';
import { catalogueItem } from '@maillage/shared/testing';
import { closedCasesSetAside, keepSince } from './setAside';

const item = (docId: string, over: Partial<CatalogueItem>) =>
  catalogueItem(docId, { kind: 'patientCase', status: 'clos', updatedAt: '2024-01-01T08:00:00.000Z', ...over });

const now = new Date('2026-12-05T10:00:00.000Z');

describe('closed files a device sets aside', () => {
  it('keeps everything by default', () => {
    expect(closedCasesSetAside([item('a', {})], null, now).size).toBe(0);
  });

  it('sets aside only closed files last changed before the window', () => {
    const items = [
      item('old-closed', { updatedAt: '2026-05-04T10:00:00.000Z' }),
      item('recent-closed', { updatedAt: '2026-06-06T10:00:00.000Z' }),
      item('old-open', { status: 'en_cours', updatedAt: '2020-01-01T00:00:00.000Z' }),
      item('old-protocol', { kind: 'protocol', status: 'clos', updatedAt: '2020-01-01T00:00:00.000Z' }),
      item('old-deleted', { deletedAt: '2021-01-01T00:00:00.000Z' }),
    ];
    expect([...closedCasesSetAside(items, 6, now)]).toEqual(['old-closed']);
    expect([...closedCasesSetAside(items, 3, now)].sort()).toEqual(['old-closed', 'recent-closed']);
    expect(closedCasesSetAside(items, 24, now).size).toBe(0);
  });

  it('counts calendar months', () => {
    expect(keepSince(12, now).toISOString()).toBe('2025-12-05T10:00:00.000Z');
    expect(keepSince(3, new Date('2026-05-31T00:00:00.000Z')).toISOString()).toBe('2026-02-28T00:00:00.000Z');
  });
});

// A catalogue entry for tests: a protocol draft of 1 January 2026, with what a test cares about on top.
import type { CatalogueItem } from './schema';

export const catalogueItem = (docId: string, fields: Partial<CatalogueItem> = {}): CatalogueItem => ({
  docId,
  kind: 'protocol',
  title: docId,
  status: 'brouillon',
  groupId: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  deletedAt: null,
  theme: '',
  professions: [],
  reviewDate: null,
  ...fields,
});

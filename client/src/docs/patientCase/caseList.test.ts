import { describe, expect, it } from 'vitest';
import { catalogueItem } from '@maillage/shared/testing';
import type { SearchHit } from '../catalogue/fullText';
import { caseList } from './caseList';

const aCase = (ref: string, status: string, updated: string) =>
  catalogueItem(`case-${ref}`, {
    kind: 'patientCase',
    title: `Dossier de coordination · réf. ${ref}`,
    status,
    updatedAt: `2026-03-${updated}T09:00:00.000Z`,
  });
const items = [
  aCase('B2', 'clos', '20'),
  aCase('C3', 'en_cours', '10'),
  aCase('A1', 'en_cours', '15'),
  catalogueItem('protocol-x'),
  { ...aCase('D4', 'en_cours', '25'), deletedAt: '2026-03-26T09:00:00.000Z' },
];
const ids = (list: { docId: string }[]) => list.map((i) => i.docId);
const hit = (docId: string, score: number): [string, SearchHit] => [docId, { docId, score, snippet: [] }];

describe('caseList', () => {
  it('lists the cases alone, open ones first and the latest changed first among them', () => {
    expect(ids(caseList(items, null, 'all', 'updated'))).toEqual(['case-A1', 'case-C3', 'case-B2']);
  });

  it('keeps the status asked for', () => {
    expect(ids(caseList(items, null, 'clos', 'updated'))).toEqual(['case-B2']);
    expect(ids(caseList(items, null, 'en_cours', 'reference'))).toEqual(['case-A1', 'case-C3']);
  });

  it('sorts by reference whatever the status', () => {
    expect(ids(caseList(items, null, 'all', 'reference'))).toEqual(['case-A1', 'case-B2', 'case-C3']);
  });

  it('keeps only what the search found, the best match first', () => {
    const hits = new Map([hit('case-C3', 2), hit('case-B2', 5)]);
    expect(ids(caseList(items, hits, 'all', 'relevance'))).toEqual(['case-B2', 'case-C3']);
    expect(ids(caseList(items, hits, 'all', 'updated'))).toEqual(['case-C3', 'case-B2']);
    expect(ids(caseList(items, hits, 'en_cours', 'relevance'))).toEqual(['case-C3']);
  });

  it('falls back to the latest changed when relevance is asked with nothing searched', () => {
    expect(ids(caseList(items, null, 'all', 'relevance'))).toEqual(ids(caseList(items, null, 'all', 'updated')));
  });
});

import { describe, expect, it } from 'vitest';
import type { CatalogueItem } from '@maillage/shared';
import { meetingLists } from './concertationList';
import { catalogueItem } from '@maillage/shared/testing';

const at = '2026-12-01T10:00:00.000Z';
const item = (docId: string, over: Partial<CatalogueItem>): CatalogueItem =>
  catalogueItem(docId, { kind: 'concertation', status: 'planifiee', createdAt: at, updatedAt: at, ...over });

const items = [
  item('rcp-janvier', { meetingDate: '2027-01-05', meetingStart: '12:30', title: 'RCP patient · 5 janv.' }),
  item('rcp-matin', { meetingDate: '2026-12-05', meetingStart: '08:00', status: 'tenue', title: 'Revue de dossiers' }),
  item('rcp-soir', { meetingDate: '2026-12-05', meetingStart: '18:00', title: 'CREX décembre' }),
  item('rcp-novembre', { meetingDate: '2026-11-03', meetingStart: '12:30', status: 'validee', title: 'RCP novembre' }),
  item('rcp-octobre', {
    meetingDate: '2026-10-06',
    meetingStart: '12:30',
    status: 'verrouillee',
    title: 'RCP octobre',
  }),
  item('rcp-supprimee', { meetingDate: '2027-02-02', deletedAt: at }),
  { ...item('protocole', { meetingDate: '2027-01-01' }), kind: 'protocol' as const },
];
const ids = (list: CatalogueItem[]) => list.map((i) => i.docId);

describe('meeting lists', () => {
  it('splits upcoming (today included, soonest first) from past (latest first), bin and other kinds left out', () => {
    const { upcoming, past } = meetingLists(items, '2026-12-05', null, 'date');
    expect(ids(upcoming)).toEqual(['rcp-matin', 'rcp-soir', 'rcp-janvier']);
    expect(ids(past)).toEqual(['rcp-novembre', 'rcp-octobre']);
  });

  it('keeps what a search found, in both lists, and sorts by title or status', () => {
    const found = new Set(['rcp-soir', 'rcp-octobre', 'rcp-supprimee']);
    const lists = meetingLists(items, '2026-12-05', found, 'date');
    expect([ids(lists.upcoming), ids(lists.past)]).toEqual([['rcp-soir'], ['rcp-octobre']]);
    expect(ids(meetingLists(items, '2026-12-05', null, 'title').upcoming)).toEqual([
      'rcp-soir',
      'rcp-janvier',
      'rcp-matin',
    ]);
    expect(ids(meetingLists(items, '2026-12-05', null, 'status').upcoming)).toEqual([
      'rcp-soir',
      'rcp-janvier',
      'rcp-matin',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { applyFilter, NO_FILTER, reviewState, SORTERS, themesOf } from './catalogueFilters';
import { catalogueItem as item } from '@maillage/shared/testing';

const today = '2026-11-24';
const items = [
  item('plaies', {
    theme: 'Parcours',
    professions: ['infirmier', 'medecin_generaliste'],
    status: 'diffuse',
    reviewDate: '2026-11-20',
    groupId: 'group-plaies',
  }),
  item('diabete', { theme: 'parcours', professions: ['sage_femme'], status: 'diffuse', reviewDate: '2026-12-10' }),
  item('avc', { theme: 'Urgences', status: 'diffuse', reviewDate: '2027-06-01' }),
  item('brouillon', { theme: '', status: 'brouillon', reviewDate: '2026-11-01' }),
];

describe('catalogue filters', () => {
  it('says when a diffused protocol is due for review: past, or within a month', () => {
    expect(items.map((i) => reviewState(i, today))).toEqual(['overdue', 'soon', null, null]);
  });

  it('narrows by theme (case ignored), status, profession, group and review due, together', () => {
    const ids = (f: Partial<typeof NO_FILTER>) => applyFilter(items, { ...NO_FILTER, ...f }, today).map((i) => i.docId);
    expect(ids({})).toEqual(['plaies', 'diabete', 'avc', 'brouillon']);
    expect(ids({ theme: 'PARCOURS' })).toEqual(['plaies', 'diabete']);
    expect(ids({ profession: 'infirmier' })).toEqual(['plaies']);
    expect(ids({ groupId: 'group-plaies' })).toEqual(['plaies']);
    expect(ids({ reviewDue: true })).toEqual(['plaies', 'diabete']);
    expect(ids({ reviewDue: true, theme: 'Urgences' })).toEqual([]);
    expect(ids({ status: 'brouillon' })).toEqual(['brouillon']);
  });

  it('offers no filter by kind: the list holds protocols only', () => {
    expect(Object.keys(NO_FILTER)).not.toContain('kind');
  });

  it('sorts by status in the workflow’s order, from draft to archive, then by title', () => {
    const list = [
      item('a', { title: 'Archivé', status: 'archive' }),
      item('d2', { title: 'Plaies', status: 'diffuse' }),
      item('r', { title: 'Revu', status: 'relecture' }),
      item('d1', { title: 'Canicule', status: 'diffuse' }),
      item('e', { title: 'En révision', status: 'en_revision' }),
      item('b', { title: 'Brouillon', status: 'brouillon' }),
      item('v', { title: 'Validé', status: 'valide_equipe' }),
    ];
    expect(list.sort(SORTERS.status).map((i) => i.docId)).toEqual(['b', 'r', 'v', 'd1', 'd2', 'e', 'a']);
  });

  it('lists each theme once', () => {
    expect(themesOf(items)).toEqual(['Parcours', 'Urgences']);
  });
});

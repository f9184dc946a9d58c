import { describe, expect, it } from 'vitest';
import type { Group } from '@maillage/shared';
import { groupList } from './groupList';

const group = (groupId: string, name: string, theme: string, members: string[]): Group => ({
  groupId,
  name,
  theme,
  lead: null,
  members,
  createdAt: '2026-01-01T00:00:00.000Z',
});
const groups = [
  group('plaies', 'Plaies chroniques', 'Parcours', ['m-alice', 'm-bruno']),
  group('snp', 'Soins non programmés', 'Accès aux soins', ['m-claire', 'm-denis', 'm-elsa']),
  group('acc', 'Accueil des internes', '', []),
];
const names = new Map([
  ['m-alice', 'Alice Martin'],
  ['m-bruno', 'Bruno Lefèvre'],
  ['m-claire', 'Claire Faure'],
  ['m-denis', 'Denis Roux'],
  ['m-elsa', 'Élodie Sa'],
]);
const ids = (query: string, sort: 'name' | 'size' = 'name') =>
  groupList(groups, names, query, sort).map((g) => g.groupId);

describe('the working groups list', () => {
  it('finds a group by its name, its theme or a member’s name, accents and case ignored', () => {
    expect(ids('')).toEqual(['acc', 'plaies', 'snp']);
    expect(ids('PROGRAMMES')).toEqual(['snp']);
    expect(ids('parcours')).toEqual(['plaies']);
    expect(ids('lefevre')).toEqual(['plaies']);
    expect(ids('elodie')).toEqual(['snp']);
    expect(ids('bruno plaies')).toEqual(['plaies']);
    expect(ids('bruno soins')).toEqual([]);
    // A member id is not a name: it finds nothing.
    expect(ids('m-bruno')).toEqual([]);
  });

  it('sorts by name in French order, or by size, the largest first', () => {
    expect(ids('', 'size')).toEqual(['snp', 'plaies', 'acc']);
  });
});

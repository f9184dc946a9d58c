import { describe, expect, it } from 'vitest';
import type { DirectoryMember } from '@maillage/shared';
import {
  communesOf,
  gpsTakingNewPatients,
  indexDirectory,
  queryDirectory,
  type DirectoryFilter,
} from './directoryQuery';

const member = (memberId: string, fields: Partial<DirectoryMember>): DirectoryMember => ({
  memberId,
  name: 'X',
  profession: 'infirmier',
  professionalId: '',
  practiceName: '',
  address: '',
  commune: '',
  phone: '',
  mssante: '',
  skills: [],
  languages: [],
  acceptsNewPatients: null,
  acceptsNewPatientsSince: null,
  crisis: null,
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...fields,
});

const members = [
  member('m-1', {
    name: 'Élodie Lefèvre',
    profession: 'infirmier',
    commune: 'Tulle',
    skills: ['Plaies et cicatrisation'],
  }),
  member('m-2', {
    name: 'Dr Hélène Martin',
    profession: 'medecin_generaliste',
    commune: 'Brive-la-Gaillarde',
    acceptsNewPatients: true,
    languages: ['occitan'],
  }),
  member('m-3', {
    name: 'Dr Paul Abadie',
    profession: 'medecin_generaliste',
    commune: 'Tulle',
    acceptsNewPatients: true,
  }),
  member('m-4', {
    name: 'Dr Zoé Roux',
    profession: 'medecin_generaliste',
    commune: 'Tulle',
    acceptsNewPatients: false,
  }),
  member('m-5', {
    name: 'Marc Durand',
    profession: 'pharmacien',
    commune: 'brive-la-gaillarde',
    practiceName: 'Pharmacie du Centre',
  }),
];
const labels = {
  infirmier: 'Infirmier·ère',
  medecin_generaliste: 'Médecin généraliste',
  pharmacien: 'Pharmacien·ne',
} as Record<string, string>;
const index = indexDirectory(members, (p) => labels[p] ?? p);
const all: DirectoryFilter = { query: '', profession: '', commune: '', sort: 'name' };
const names = (list: DirectoryMember[]) => list.map((m) => m.name);

describe('directory search', () => {
  it('finds without accents or case, across name, profession, skills, languages and practice', () => {
    expect(names(queryDirectory(index, { ...all, query: 'elodie' }))).toEqual(['Élodie Lefèvre']);
    expect(names(queryDirectory(index, { ...all, query: 'CICATRISATION' }))).toEqual(['Élodie Lefèvre']);
    expect(names(queryDirectory(index, { ...all, query: 'medecin tulle' }))).toEqual(['Dr Paul Abadie', 'Dr Zoé Roux']);
    expect(names(queryDirectory(index, { ...all, query: 'occitan' }))).toEqual(['Dr Hélène Martin']);
    expect(names(queryDirectory(index, { ...all, query: 'pharmacie centre' }))).toEqual(['Marc Durand']);
    expect(queryDirectory(index, { ...all, query: 'cardiologue' })).toEqual([]);
  });

  it('filters by profession and by commune whatever its case, and sorts the French way', () => {
    expect(names(queryDirectory(index, { ...all, profession: 'medecin_generaliste' }))).toEqual([
      'Dr Hélène Martin',
      'Dr Paul Abadie',
      'Dr Zoé Roux',
    ]);
    expect(names(queryDirectory(index, { ...all, commune: 'Brive-la-Gaillarde' }))).toEqual([
      'Dr Hélène Martin',
      'Marc Durand',
    ]);
    expect(names(queryDirectory(index, { ...all, sort: 'commune' })).slice(0, 2)).toEqual([
      'Dr Hélène Martin',
      'Marc Durand',
    ]);
    expect(names(queryDirectory(index, all))[4]).toBe('Marc Durand');
    expect(names(queryDirectory(index, all))[0]).toBe('Dr Hélène Martin');
  });

  it('lists each commune once', () => {
    expect(communesOf(members)).toEqual(['Brive-la-Gaillarde', 'Tulle']);
  });

  it('groups the GPs taking new patients by commune', () => {
    expect(gpsTakingNewPatients(members).map(([c, list]) => [c, names(list)])).toEqual([
      ['Brive-la-Gaillarde', ['Dr Hélène Martin']],
      ['Tulle', ['Dr Paul Abadie']],
    ]);
  });
});

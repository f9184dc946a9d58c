import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { listDirectory, readDirectoryEntry, setDirectoryEntry } from '../directory/layout';
import { crisisVolunteers } from './volunteers';

describe('crisis volunteers', () => {
  it('are the members who said so on their entry, by typology (none named: all)', () => {
    const doc = new Y.Doc();
    setDirectoryEntry(doc, 'member-0001', {
      name: 'Zoé Infirmière',
      profession: 'infirmier',
      crisis: { volunteer: true, typologies: ['malades_fragiles'], skills: ['Vaccination'], availability: 'Week-ends' },
    });
    setDirectoryEntry(doc, 'member-0002', {
      name: 'Alain Kiné',
      profession: 'masseur_kinesitherapeute',
      crisis: { volunteer: true },
    });
    setDirectoryEntry(doc, 'member-0003', { name: 'Bruno Pharma', profession: 'pharmacien' });
    const members = listDirectory(doc);
    expect(crisisVolunteers(members).map((m) => m.name)).toEqual(['Alain Kiné', 'Zoé Infirmière']);
    expect(crisisVolunteers(members, 'nrc').map((m) => m.name)).toEqual(['Alain Kiné']);
    expect(readDirectoryEntry(doc, 'member-0003')!.crisis).toBeNull();
  });

  it('refuses an unknown typology on « Ma fiche » and writes nothing', () => {
    const doc = new Y.Doc();
    const result = setDirectoryEntry(doc, 'member-0001', {
      name: 'Zoé Infirmière',
      profession: 'infirmier',
      crisis: { volunteer: true, typologies: ['canicule' as never] },
    });
    expect(result).toEqual({ ok: false, errors: [{ field: 'crisis.typologies.0', message: 'errors.crisisTypology' }] });
    expect(listDirectory(doc)).toEqual([]);
  });

  it('reads an entry written before crisis plans as not volunteering', () => {
    const doc = new Y.Doc();
    doc.getMap('members').set('member-0001', {
      name: 'Ancienne fiche',
      profession: 'infirmier',
      updatedAt: '2025-01-01T00:00:00.000Z',
    });
    expect(readDirectoryEntry(doc, 'member-0001')!.crisis).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { listDirectory, readDirectoryEntry, setDirectoryEntry } from './layout';

const base = { name: 'Dr Claire Martin', profession: 'medecin_generaliste' as const };

describe('directory layout', () => {
  it('stores a valid entry with normalised phone and MSSanté address', () => {
    const doc = new Y.Doc();
    const result = setDirectoryEntry(doc, 'member-0001', {
      ...base,
      phone: '+33 1.23.45.67.89',
      mssante: 'Claire.Martin@medecin.MSSANTE.fr',
      professionalId: '10001234567',
      commune: 'Brive-la-Gaillarde',
    });
    expect(result.ok).toBe(true);
    const entry = readDirectoryEntry(doc, 'member-0001')!;
    expect(entry.phone).toBe('01 23 45 67 89');
    expect(entry.mssante).toBe('claire.martin@medecin.mssante.fr');
    expect(entry.skills).toEqual([]);
  });

  it('refuses bad fields with their i18n keys and writes nothing', () => {
    const doc = new Y.Doc();
    const result = setDirectoryEntry(doc, 'member-0001', {
      ...base,
      name: ' ',
      phone: '12345',
      mssante: 'claire@gmail.com',
      professionalId: '123',
      profession: 'sorcier' as never,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.fromEntries(result.errors.map((e) => [e.field, e.message]))).toEqual({
      name: 'errors.nameRequired',
      profession: 'errors.profession',
      professionalId: 'errors.professionalId',
      phone: 'errors.phone',
      mssante: 'errors.mssante',
    });
    expect(listDirectory(doc)).toEqual([]);
  });

  it('accepts ADELI numbers, Corsican ones included', () => {
    const doc = new Y.Doc();
    expect(setDirectoryEntry(doc, 'member-0001', { ...base, professionalId: '2A6012345' }).ok).toBe(true);
    expect(setDirectoryEntry(doc, 'member-0001', { ...base, professionalId: '196012345' }).ok).toBe(true);
  });

  it('dates a GP’s « accepte de nouveaux patients » when it changes, and clears it for other professions', () => {
    const doc = new Y.Doc();
    setDirectoryEntry(doc, 'member-0001', { ...base, acceptsNewPatients: true }, new Date('2026-03-02T10:00:00Z'));
    expect(readDirectoryEntry(doc, 'member-0001')!.acceptsNewPatientsSince).toBe('2026-03-02');
    setDirectoryEntry(
      doc,
      'member-0001',
      { ...base, acceptsNewPatients: true, acceptsNewPatientsSince: '2026-03-02' },
      new Date('2026-05-01T10:00:00Z'),
    );
    expect(readDirectoryEntry(doc, 'member-0001')!.acceptsNewPatientsSince).toBe('2026-03-02');
    setDirectoryEntry(
      doc,
      'member-0001',
      { ...base, acceptsNewPatients: false, acceptsNewPatientsSince: '2026-03-02' },
      new Date('2026-06-01T10:00:00Z'),
    );
    expect(readDirectoryEntry(doc, 'member-0001')!.acceptsNewPatientsSince).toBe('2026-06-01');
    setDirectoryEntry(doc, 'member-0002', { name: 'Jean Durand', profession: 'infirmier', acceptsNewPatients: true });
    expect(readDirectoryEntry(doc, 'member-0002')!.acceptsNewPatients).toBeNull();
  });

  it('leaves malformed entries out of the list', () => {
    const doc = new Y.Doc();
    setDirectoryEntry(doc, 'member-0001', base);
    doc.getMap('members').set('member-0002', { name: 42 });
    expect(listDirectory(doc).map((m) => m.memberId)).toEqual(['member-0001']);
  });

  it('merges two members writing their entries at once', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    setDirectoryEntry(a, 'member-0001', base);
    setDirectoryEntry(b, 'member-0002', { name: 'Jean Durand', profession: 'infirmier' });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(listDirectory(a).length).toBe(2);
    const byId = (d: Y.Doc) => listDirectory(d).sort((x, y) => x.memberId.localeCompare(y.memberId));
    expect(byId(b)).toEqual(byId(a));
  });
});

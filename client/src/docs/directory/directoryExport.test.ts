import { describe, expect, it } from 'vitest';
import type { DirectoryMember } from '@maillage/shared';
import { directoryCsv, directoryVCards } from './directoryExport';

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
const labels = { medecin_generaliste: 'Médecin généraliste', pharmacien: 'Pharmacien·ne' } as Record<string, string>;

describe('directory export', () => {
  it('writes a CSV French spreadsheets open: BOM, semicolons, quoted cells', () => {
    const csv = directoryCsv(
      [
        member('m-9', {
          name: 'Dr « Jo » ; Test',
          profession: 'medecin_generaliste',
          acceptsNewPatients: true,
          skills: ['ETP', 'DU plaies'],
        }),
      ],
      { name: 'Nom', profession: 'Profession' },
      (p) => labels[p] ?? p,
      (v) => (v ? 'oui' : v === false ? 'non' : ''),
    );
    const [header, row] = csv.slice(1).split('\r\n');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(header!.startsWith('Nom;Profession;')).toBe(true);
    expect(row).toBe('"Dr « Jo » ; Test";Médecin généraliste;;;;;;;ETP, DU plaies;;oui;');
  });

  it('writes one vCard 4.0 per member, escaped', () => {
    const vcf = directoryVCards(
      [
        member('m-9', {
          name: 'Marc Durand',
          profession: 'pharmacien',
          practiceName: 'Pharmacie du Centre; Tulle',
          phone: '05 55 12 34 56',
          mssante: 'marc.durand@pharmacien.mssante.fr',
          commune: 'Tulle',
        }),
      ],
      (p) => labels[p] ?? p,
    );
    expect(vcf).toContain(
      'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Marc Durand\r\nTITLE:Pharmacien·ne\r\nORG:Pharmacie du Centre\\; Tulle\r\n',
    );
    expect(vcf).toContain('TEL;TYPE=work,voice;VALUE=uri:tel:+33555123456');
    expect(vcf).toContain('ADR;TYPE=work:;;;Tulle;;;France');
    expect(vcf).toContain('EMAIL;TYPE=work:marc.durand@pharmacien.mssante.fr');
    expect(vcf.match(/END:VCARD/g)).toHaveLength(1);
  });
});

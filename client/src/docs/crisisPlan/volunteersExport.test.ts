import { describe, expect, it } from 'vitest';
import type { DirectoryMember } from '@maillage/shared';
import { volunteersCsv, volunteersVCards } from './volunteersExport';

const zoe: DirectoryMember = {
  memberId: 'member-0001',
  name: 'Zoé Martin',
  profession: 'infirmier',
  professionalId: '10001234567',
  practiceName: 'Cabinet du Centre',
  address: '1 rue Haute',
  commune: 'Tulle',
  phone: '06 12 34 56 78',
  mssante: 'zoe.martin@infirmier.mssante.fr',
  skills: ['Plaies'],
  languages: [],
  acceptsNewPatients: null,
  acceptsNewPatientsSince: null,
  crisis: { volunteer: true, typologies: ['malades_fragiles'], skills: ['Vaccination'], availability: 'Week-ends' },
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('volunteers export', () => {
  it('writes a CSV of how to reach each volunteer, their skills, availability and typologies', () => {
    const csv = volunteersCsv(
      [zoe],
      { name: 'Nom', typologies: 'Typologies' },
      () => 'Infirmier·e',
      (t) => `T:${t}`,
      'Toutes',
    );
    const [head, row] = csv.replace('\uFEFF', '').trim().split('\r\n');
    expect(head).toBe('Nom;profession;phone;mssante;commune;skills;availability;Typologies');
    expect(row).toBe(
      'Zoé Martin;Infirmier·e;06 12 34 56 78;zoe.martin@infirmier.mssante.fr;Tulle;Plaies, Vaccination;Week-ends;T:malades_fragiles',
    );
    // The RPPS number and practice address stay in the annuaire: a volunteer list needs a way to call, nothing more.
    expect(csv).not.toContain('10001234567');
  });

  it('writes vCards whose note carries the crisis skills and availability', () => {
    const vcf = volunteersVCards([zoe], () => 'Infirmier·e');
    expect(vcf).toContain('FN:Zoé Martin');
    expect(vcf).toContain('TEL;TYPE=work,voice;VALUE=uri:tel:+33612345678');
    expect(vcf).toContain('NOTE:Plaies\\, Vaccination\\, Week-ends');
  });
});

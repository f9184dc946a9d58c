import { describe, expect, it } from 'vitest';
import type { RegisterRow } from '@maillage/shared';
import { registerCsvRows, registerView, WHOLE_REGISTER, type RegisterLabels } from './registerView';

const row = (docId: string, day: string, fields: Partial<RegisterRow> = {}): RegisterRow => ({
  docId,
  day,
  severity: 2,
  status: 'declare',
  category: null,
  ...fields,
});
// Newest first, as the register hands them over.
const rows = [
  row('c', '2026-05-02', { severity: 4, status: 'analyse', category: 'medicament', eigs: true, nature: 'dommage' }),
  row('b', '2026-03-10', { severity: 1, status: 'qualifie', category: 'parcours', nature: 'epr' }),
  row('a', '2026-01-20', { severity: 4 }),
];
const ids = (list: RegisterRow[]) => list.map((r) => r.docId);

describe('registerView', () => {
  it('shows the whole register newest first, or oldest first, or the most severe first', () => {
    expect(ids(registerView(rows, WHOLE_REGISTER, 'recent'))).toEqual(['c', 'b', 'a']);
    expect(ids(registerView(rows, WHOLE_REGISTER, 'oldest'))).toEqual(['a', 'b', 'c']);
    expect(ids(registerView(rows, WHOLE_REGISTER, 'severity'))).toEqual(['c', 'a', 'b']);
  });

  it('narrows by status, category, uncoded rows and severity, together', () => {
    expect(ids(registerView(rows, { ...WHOLE_REGISTER, status: 'qualifie' }, 'recent'))).toEqual(['b']);
    expect(ids(registerView(rows, { ...WHOLE_REGISTER, category: 'medicament' }, 'recent'))).toEqual(['c']);
    expect(ids(registerView(rows, { ...WHOLE_REGISTER, category: 'uncoded' }, 'recent'))).toEqual(['a']);
    expect(ids(registerView(rows, { ...WHOLE_REGISTER, severity: 4 }, 'oldest'))).toEqual(['a', 'c']);
    expect(ids(registerView(rows, { status: 'declare', category: '', severity: 1 }, 'recent'))).toEqual([]);
  });

  it('leaves the rows it was given as they were', () => {
    registerView(rows, WHOLE_REGISTER, 'oldest');
    registerView(rows, WHOLE_REGISTER, 'severity');
    expect(ids(rows)).toEqual(['c', 'b', 'a']);
  });
});

describe('registerCsvRows', () => {
  it('writes a header, then each row with its day as jj/mm/aaaa and no other field than the table’s', () => {
    const labels: RegisterLabels = {
      header: ['Date', 'Catégorie', 'Gravité', 'Statut', 'Nature', 'EIGS'],
      category: (r) => r.category ?? 'à qualifier',
      severity: (r) => String(r.severity),
      status: (r) => r.status,
      nature: (r) => r.nature ?? '',
      eigs: (r) => (r.eigs ? 'oui' : 'non'),
    };
    expect(registerCsvRows(rows.slice(0, 2), labels)).toEqual([
      ['Date', 'Catégorie', 'Gravité', 'Statut', 'Nature', 'EIGS'],
      ['02/05/2026', 'medicament', '4', 'analyse', 'dommage', 'oui'],
      ['10/03/2026', 'parcours', '1', 'qualifie', 'epr', 'non'],
    ]);
  });
});

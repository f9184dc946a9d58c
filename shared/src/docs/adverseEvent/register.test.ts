import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createReport, registerRow } from './layout';
import { readRegister, writeRegisterRow } from './register';
import { ELSA, NOW, reportInput } from './testing';

describe('adverse-event register', () => {
  it('keeps the register fields of a row, and nothing a caller adds', () => {
    const governance = new Y.Doc();
    const report = new Y.Doc();
    createReport(report, reportInput({ reporterName: 'Elsa Roux' }), ELSA, NOW);
    writeRegisterRow(governance, { ...registerRow('report-000001', report)!, ...{ reporter: ELSA } });
    expect(readRegister(governance)).toEqual([
      {
        docId: 'report-000001',
        day: '2026-12-05',
        severity: 2,
        status: 'declare',
        category: null,
        nature: 'epr',
        eigs: false,
      },
    ]);
    expect(JSON.stringify(governance.toJSON())).not.toContain('Pilulier');
    expect(JSON.stringify(governance.getMap('adverseEventRegister').toJSON())).not.toContain(ELSA);
  });

  it('refuses a row with a severity out of 1–5 or a bad id', () => {
    const governance = new Y.Doc();
    expect(
      writeRegisterRow(governance, {
        docId: 'report-000002',
        day: '2026-12-05',
        severity: 7 as never,
        status: 'declare',
        category: null,
      }),
    ).toBe(false);
    expect(
      writeRegisterRow(governance, { docId: 'x', day: '2026-12-05', severity: 1, status: 'declare', category: null }),
    ).toBe(false);
    expect(readRegister(governance)).toEqual([]);
  });

  it('lists the newest day first, and the rows of a day in the order of the locale collation of their ids', () => {
    const governance = new Y.Doc();
    const ids = ['report-b00001', 'report-A00002', 'report-a00003', 'report-B00004', 'report-_00005'];
    for (const docId of ids)
      writeRegisterRow(governance, { docId, day: '2026-12-04', severity: 1, status: 'declare', category: null });
    writeRegisterRow(governance, {
      docId: 'report-z00006',
      day: '2026-12-05',
      severity: 1,
      status: 'declare',
      category: null,
    });
    expect(readRegister(governance).map((r) => r.docId)).toEqual([
      'report-z00006',
      ...[...ids].sort((a, b) => a.localeCompare(b)),
    ]);
  });
});

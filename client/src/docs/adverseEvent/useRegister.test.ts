import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readRegister, writeRegisterRow } from '@maillage/shared';
import { readAhead, rowsOf } from './useRegister';

const row = (docId: string, day: string) => ({ docId, day, severity: 2, status: 'declare', category: null }) as const;

describe('the register read from governance', () => {
  it('is read once per change of the register, however many readers', () => {
    const governance = new Y.Doc();
    writeRegisterRow(governance, row('report-one-000000001', '2026-12-01'));
    const first = rowsOf(governance);
    expect(first.map((r) => r.docId)).toEqual(['report-one-000000001']);
    expect(rowsOf(governance)).toBe(first);
    // Another part of governance changing does not read it again; a new row does.
    governance.getMap('groups').set('x', 1);
    expect(rowsOf(governance)).toBe(first);
    writeRegisterRow(governance, row('report-two-000000002', '2026-12-03'));
    expect(rowsOf(governance).map((r) => r.docId)).toEqual(['report-two-000000002', 'report-one-000000001']);
  });

  it('read ahead a slice at a time, gives what a whole read gives; dropped when the register changes meanwhile', async () => {
    const governance = new Y.Doc();
    const id = (i: number) => `report-${String(i).padStart(12, '0')}`;
    for (let i = 0; i < 450; i++)
      writeRegisterRow(governance, row(id(i), `2026-${String((i % 12) + 1).padStart(2, '0')}-15`));
    await readAhead(governance, () => false);
    const ahead = rowsOf(governance);
    expect(ahead).toEqual(readRegister(governance));
    expect(rowsOf(governance)).toBe(ahead);

    const other = new Y.Doc();
    for (let i = 0; i < 450; i++) writeRegisterRow(other, row(id(i), '2026-11-15'));
    const reading = readAhead(other, () => false);
    writeRegisterRow(other, row(id(999), '2026-12-20'));
    await reading;
    // Not kept from before the change: read whole now, the new row first.
    expect(rowsOf(other)[0]?.docId).toBe(id(999));
    expect(rowsOf(other)).toHaveLength(451);
  });

  it('read ahead and needed before it ends: finished at once, the same rows as a whole read', async () => {
    const governance = new Y.Doc();
    const id = (i: number) => `report-${String(i).padStart(12, '0')}`;
    for (let i = 0; i < 450; i++)
      writeRegisterRow(governance, row(id(i), `2026-${String((i % 12) + 1).padStart(2, '0')}-10`));
    const reading = readAhead(governance, () => false);
    const needed = rowsOf(governance);
    expect(needed).toEqual(readRegister(governance));
    await reading;
    expect(rowsOf(governance)).toBe(needed);
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { writeRegisterRow } from '@maillage/shared';
import { rowsOf } from './useRegister';

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
});

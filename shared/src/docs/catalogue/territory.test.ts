import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { parseTerritory } from './schema';
import { readWorkspaceTerritory, setWorkspaceTerritory } from './layout';

describe('territory', () => {
  it('reads communes pasted with commas, semicolons or lines, each once whatever its case', () => {
    expect(parseTerritory(' Brive-la-Gaillarde, Tulle;Ussel\n\ntulle\n Malemort ')).toEqual([
      'Brive-la-Gaillarde',
      'Tulle',
      'Ussel',
      'Malemort',
    ]);
    expect(parseTerritory('  ')).toEqual([]);
  });

  it('stores a valid territory and refuses a bad one without writing it', () => {
    const doc = new Y.Doc();
    expect(setWorkspaceTerritory(doc, ['Tulle', 'Ussel']).ok).toBe(true);
    const tooLong = setWorkspaceTerritory(doc, ['x'.repeat(81)]);
    expect(tooLong.ok ? null : tooLong.errors[0]!.message).toBe('errors.communeTooLong');
    const duplicate = setWorkspaceTerritory(doc, ['Tulle', 'tulle']);
    expect(duplicate.ok ? null : duplicate.errors[0]!.message).toBe('errors.territoryDuplicate');
    expect(readWorkspaceTerritory(doc)).toEqual(['Tulle', 'Ussel']);
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readQualityReferents, setQualityReferent } from './referents';
import { PAUL, REGINE } from './testing';

describe('quality référents', () => {
  it('are named by a coordinator; never the last one removed', () => {
    const doc = new Y.Doc();
    expect(setQualityReferent(doc, REGINE, true, 'member').ok).toBe(false);
    setQualityReferent(doc, REGINE, true, 'coordinator');
    expect(setQualityReferent(doc, REGINE, false, 'coordinator')).toEqual({
      ok: false,
      errors: [{ field: 'referent', message: 'errors.lastReferent' }],
    });
    setQualityReferent(doc, PAUL, true, 'coordinator');
    setQualityReferent(doc, REGINE, false, 'coordinator');
    expect(readQualityReferents(doc)).toEqual([PAUL]);
  });
});

import { describe, expect, it } from 'vitest';
import { compareStreamIds, formatStreamId, parseStreamId, trimPoint } from './streamIds';

describe('stream ids', () => {
  it('compares as numbers, not as strings', () => {
    expect(compareStreamIds(parseStreamId('999-5'), parseStreamId('1000-0'))).toBeLessThan(0);
    expect(compareStreamIds(parseStreamId('1000-10'), parseStreamId('1000-9'))).toBeGreaterThan(0);
    expect(compareStreamIds(parseStreamId('7-1'), { ms: 7, seq: 1 })).toBe(0);
    expect(formatStreamId(parseStreamId('1733400000000-3'))).toBe('1733400000000-3');
    expect(() => parseStreamId('1733400000000')).toThrow(/stream id/);
  });

  it('trims just past what Postgres holds, but never the last minute of entries', () => {
    const now = 1_000_000;
    // Everything covered is older than a minute: cut just after it, the covered entry itself included.
    expect(trimPoint({ ms: 900_000, seq: 4 }, now, 60_000)).toEqual({ ms: 900_000, seq: 5 });
    // Covered up to 10 s ago: only what is older than a minute goes, all of it covered.
    expect(trimPoint({ ms: 990_000, seq: 0 }, now, 60_000)).toEqual({ ms: 940_000, seq: 0 });
    // Nothing covered: nothing older than a minute either can be cut past the stream's start.
    expect(trimPoint({ ms: 0, seq: 0 }, now, 60_000)).toEqual({ ms: 0, seq: 1 });
  });
});

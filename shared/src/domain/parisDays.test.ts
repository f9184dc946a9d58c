import { describe, expect, it } from 'vitest';
import { parisDayBounds, parisToday } from './parisDays';

describe('Paris days', () => {
  it('knows which day it is in Paris when it is another day in UTC', () => {
    expect(parisToday(new Date('2026-03-01T23:30:00Z'))).toBe('2026-03-02');
    expect(parisToday(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
  });

  it('bounds a winter day, a summer day and the two days the clocks change', () => {
    expect(parisDayBounds('2026-01-15')).toEqual({
      start: '2026-01-14T23:00:00.000Z',
      end: '2026-01-15T22:59:59.999Z',
    });
    expect(parisDayBounds('2026-07-01')).toEqual({
      start: '2026-06-30T22:00:00.000Z',
      end: '2026-07-01T21:59:59.999Z',
    });
    // 23 hours, then 25.
    expect(parisDayBounds('2026-03-29')).toEqual({
      start: '2026-03-28T23:00:00.000Z',
      end: '2026-03-29T21:59:59.999Z',
    });
    expect(parisDayBounds('2026-10-25')).toEqual({
      start: '2026-10-24T22:00:00.000Z',
      end: '2026-10-25T22:59:59.999Z',
    });
    // The last day of a year runs into the next.
    expect(parisDayBounds('2026-12-31').end).toBe('2026-12-31T22:59:59.999Z');
  });
});

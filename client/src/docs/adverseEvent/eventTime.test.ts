import { describe, expect, it } from 'vitest';
import { nowFields, parisInstant } from './eventTime';

describe('event time', () => {
  it('reads a Paris day and time as an instant, winter and summer', () => {
    expect(parisInstant('2026-12-05', '09:30')).toBe('2026-12-05T08:30:00.000Z');
    expect(parisInstant('2026-07-01', '09:30')).toBe('2026-07-01T07:30:00.000Z');
    expect(parisInstant('2026-07-01', '9h')).toBeNull();
    expect(parisInstant('', '09:30')).toBeNull();
  });

  it('defaults to now in Paris', () => {
    expect(nowFields(new Date('2026-12-05T23:30:00.000Z'))).toEqual({ day: '2026-12-06', time: '00:30' });
  });
});

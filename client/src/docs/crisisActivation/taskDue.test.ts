import { describe, expect, it } from 'vitest';
import { dueFromTime } from './taskDue';

// 20 July 2027, 14:00 in Paris (summer time).
const NOW = new Date('2027-07-20T12:00:00.000Z');

describe('a crisis task’s due time', () => {
  it('is today when the time is still to come, tomorrow once it passed', () => {
    expect(dueFromTime('18:00', NOW)).toBe('2027-07-20T16:00:00.000Z');
    expect(dueFromTime('08:00', NOW)).toBe('2027-07-21T06:00:00.000Z');
  });

  it('is none when nothing or half a time is typed', () => {
    expect(dueFromTime('', NOW)).toBeNull();
    expect(dueFromTime('8:', NOW)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { isMeetingSoon, parisInstant } from './reminder';

const meeting = (over: Record<string, unknown> = {}) => ({
  kind: 'concertation' as const,
  status: 'planifiee',
  deletedAt: null,
  meetingDate: '2027-01-05',
  meetingStart: '12:30',
  ...over,
});

describe('the reminder the day before', () => {
  it('reads the Paris wall clock on either side of a clock change', () => {
    expect(parisInstant('2027-01-05', '12:30').toISOString()).toBe('2027-01-05T11:30:00.000Z');
    expect(parisInstant('2027-07-06', '12:30').toISOString()).toBe('2027-07-06T10:30:00.000Z');
    // The day summer time starts (28 March 2027, at 02:00 Paris): the afternoon is already on summer time.
    expect(parisInstant('2027-03-28', '12:30').toISOString()).toBe('2027-03-28T10:30:00.000Z');
    expect(parisInstant('2027-10-31', '12:30').toISOString()).toBe('2027-10-31T11:30:00.000Z');
  });

  it('reminds of a planned meeting in the next 24 hours only', () => {
    const at = (iso: string) => new Date(iso);
    expect(isMeetingSoon(meeting(), at('2027-01-04T11:30:00.000Z'))).toBe(true); // 24 h before
    expect(isMeetingSoon(meeting(), at('2027-01-04T11:29:00.000Z'))).toBe(false); // a minute more
    expect(isMeetingSoon(meeting(), at('2027-01-05T11:29:00.000Z'))).toBe(true);
    expect(isMeetingSoon(meeting(), at('2027-01-05T11:30:00.000Z'))).toBe(false); // started
    const now = at('2027-01-05T08:00:00.000Z');
    expect(isMeetingSoon(meeting({ status: 'tenue' }), now)).toBe(false);
    expect(isMeetingSoon(meeting({ deletedAt: '2027-01-01T00:00:00.000Z' }), now)).toBe(false);
    expect(isMeetingSoon(meeting({ kind: 'patientCase' }), now)).toBe(false);
    expect(isMeetingSoon(meeting({ meetingStart: undefined }), now)).toBe(false);
  });
});

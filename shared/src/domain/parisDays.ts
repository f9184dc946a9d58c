// Calendar days as French primary care counts them: ISO dates, « today » and a day's bounds in Europe/Paris whatever
// the device's zone.

const PARIS_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const PARIS_OFFSET = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' });

/** A real day between 1900 and 2100 (« 2025-02-30 » is not). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || year > 2100) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Today's date in Paris, as YYYY-MM-DD. */
export function parisToday(now: Date = new Date()): string {
  return PARIS_DAY.format(now);
}

/** Whether a patient born that year is 70 or more this year (the birth year is all a pseudonymised case holds). */
export function isSeventyOrMore(birthYear: number, now: Date = new Date()): boolean {
  return Number(parisToday(now).slice(0, 4)) - birthYear >= 70;
}

/** Paris's offset from UTC at an instant, in minutes (60 in winter, 120 in summer). */
function parisOffsetMinutes(at: Date): number {
  const name = PARIS_OFFSET.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/**
 * The instants a Paris calendar day (YYYY-MM-DD) covers, first and last millisecond, as ISO strings: what a day
 * filter on timestamps needs. Clocks change at 01:00 UTC, never at a Paris midnight, so the offset at the day's UTC
 * midnight is the one at its Paris midnight.
 */
export function parisDayBounds(day: string): { start: string; end: string } {
  const startOf = (d: string) => {
    const utcMidnight = new Date(`${d}T00:00:00.000Z`);
    return utcMidnight.getTime() - parisOffsetMinutes(utcMidnight) * 60_000;
  };
  const next = new Date(`${day}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return {
    start: new Date(startOf(day)).toISOString(),
    end: new Date(startOf(next.toISOString().slice(0, 10)) - 1).toISOString(),
  };
}

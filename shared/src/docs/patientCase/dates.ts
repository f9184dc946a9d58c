// Calendar days as French primary care counts them: ISO dates, « today » in Europe/Paris whatever the device's zone.

const PARIS_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

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

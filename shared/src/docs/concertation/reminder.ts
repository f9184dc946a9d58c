// The reminder the day before: a meeting still planned that starts within the next 24 hours, reaching its
// participants under « Pour vous ». Its start is a Paris wall-clock time on a Paris day: the instant depends on the
// clock change, which the platform's time-zone database knows.
import type { CatalogueItem } from '../catalogue/schema';

export const REMINDER_HOURS = 24;

const PARIS_OFFSET = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' });
const offsetMinutes = (at: Date) => {
  const name = PARIS_OFFSET.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
};

/** The instant a Paris wall-clock time on a Paris day falls at (the offset read at that instant, not at midnight). */
export function parisInstant(date: string, time: string): Date {
  const asUtc = Date.parse(`${date}T${time}:00.000Z`);
  const first = asUtc - offsetMinutes(new Date(asUtc)) * 60_000;
  return new Date(asUtc - offsetMinutes(new Date(first)) * 60_000);
}

/** A meeting of the catalogue, still planned, that starts after `now` and within REMINDER_HOURS of it. */
export function isMeetingSoon(
  item: Pick<CatalogueItem, 'kind' | 'status' | 'deletedAt' | 'meetingDate' | 'meetingStart'>,
  now: Date,
): boolean {
  if (item.kind !== 'concertation' || item.deletedAt || item.status !== 'planifiee') return false;
  if (!item.meetingDate || !item.meetingStart) return false;
  const startsIn = parisInstant(item.meetingDate, item.meetingStart).getTime() - now.getTime();
  return startsIn > 0 && startsIn <= REMINDER_HOURS * 3_600_000;
}

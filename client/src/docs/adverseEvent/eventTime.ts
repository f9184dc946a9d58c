// The form's « quand »: a Paris day and wall-clock time, turned into the instant the report stores, and back.
import { parisDayBounds, parisToday } from '@maillage/shared';

const PARIS_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export const parisTimeNow = (now: Date = new Date()): string => PARIS_TIME.format(now);

/** The instant of a Paris day at HH:MM; null when either is incomplete. */
export function parisInstant(day: string, time: string): string | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!day || !match) return null;
  // Paris changes its clocks at 01:00 UTC, never at midnight: counting from the day's start is right outside that hour.
  const start = Date.parse(parisDayBounds(day).start);
  return new Date(start + (Number(match[1]) * 60 + Number(match[2])) * 60_000).toISOString();
}

export const nowFields = (now: Date = new Date()) => ({ day: parisToday(now), time: parisTimeNow(now) });

// A crisis task's due time is typed as hh:mm: the next such time, today or, once past, tomorrow (a cell working at
// night writes « avant 08:00 » for the morning).
import { parisToday } from '@maillage/shared';
import { parisInstant } from '../adverseEvent/eventTime';

const DAY_MS = 86_400_000;

export function dueFromTime(time: string, now = new Date()): string | null {
  if (!time) return null;
  const today = parisInstant(parisToday(now), time);
  if (!today) return null;
  if (Date.parse(today) >= now.getTime()) return today;
  return parisInstant(parisToday(new Date(now.getTime() + DAY_MS)), time);
}

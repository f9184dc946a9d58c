// A meeting as a calendar invitation (RFC 5545): wall-clock times in Europe/Paris with the zone's rules in a
// VTIMEZONE, so calendars place it right on either side of a clock change; one UID per meeting, so downloading it
// again updates the event instead of adding a second one.
import type { Meeting } from './schema';

export interface IcsLabels {
  summary: string;
  description: string;
  /** Where: the place, the link, or both. */
  location: string;
}

const PARIS = 'Europe/Paris';
// The European Union's rule since 1996: summer time from the last Sunday of March, 01:00 UTC, to the last of October.
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${PARIS}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** TEXT values: backslash, semicolon and comma escaped, line breaks as \n (RFC 5545 §3.3.11). */
export function icsEscape(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/** Lines of at most 75 octets, continued with CRLF and a space, never cutting a UTF-8 character (§3.1). */
export function icsFold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = out.length === 0 ? 75 : 74; // a continuation line starts with one space
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const local = (date: string, time: string) => `${date.replace(/-/g, '')}T${time.replace(':', '')}00`;
const utcStamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

interface EventFields {
  uid: string;
  date: string;
  start: string;
  end: string;
  link: string;
  /** RFC 5545 RRULE value for a series, e.g. FREQ=MONTHLY;BYDAY=1TU. */
  rrule?: string;
  /** A series' days whose meeting was cancelled: left out of the recurrence (EXDATE, at the series' start time). */
  exceptions?: readonly string[];
  /** A cancelled meeting: imported again, the calendar that holds it marks it cancelled (same UID). */
  cancelled?: boolean;
}

function calendar(
  { uid, date, start, end, link, rrule, exceptions = [], cancelled = false }: EventFields,
  labels: IcsLabels,
  now: Date,
): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Maillage//Concertations//FR',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...VTIMEZONE,
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `DTSTAMP:${utcStamp(now)}`,
    `DTSTART;TZID=${PARIS}:${local(date, start)}`,
    `DTEND;TZID=${PARIS}:${local(date, end)}`,
    ...(rrule ? [`RRULE:${rrule}`] : []),
    ...[...new Set(exceptions)].sort().map((day) => `EXDATE;TZID=${PARIS}:${local(day, start)}`),
    `SUMMARY;LANGUAGE=fr:${icsEscape(labels.summary)}`,
    `DESCRIPTION;LANGUAGE=fr:${icsEscape(labels.description)}`,
    ...(labels.location ? [`LOCATION;LANGUAGE=fr:${icsEscape(labels.location)}`] : []),
    ...(link ? [`URL:${link}`] : []),
    cancelled ? 'STATUS:CANCELLED' : 'STATUS:CONFIRMED',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(icsFold).join('\r\n')}\r\n`;
}

export function meetingIcs(
  meetingId: string,
  meeting: Pick<Meeting, 'date' | 'start' | 'end' | 'link'> & { status?: Meeting['status'] },
  labels: IcsLabels,
  now = new Date(),
): string {
  const { status, ...fields } = meeting;
  return calendar(
    { uid: `${meetingId}@concertations.maillage`, ...fields, cancelled: status === 'annulee' },
    labels,
    now,
  );
}

/**
 * A whole series as one recurring event from `meeting` (its first, or the one it is downloaded from), in Paris wall-clock
 * time: a calendar places each occurrence right on either side of a clock change. One UID per series, so a calendar
 * that imports it again drops the days cancelled since (`cancelledDays`).
 */
export function seriesIcs(
  seriesId: string,
  rrule: string,
  meeting: Pick<Meeting, 'date' | 'start' | 'end' | 'link'>,
  labels: IcsLabels,
  { now = new Date(), cancelledDays = [] }: { now?: Date; cancelledDays?: readonly string[] } = {},
): string {
  return calendar(
    { uid: `${seriesId}@series.concertations.maillage`, rrule, exceptions: cancelledDays, ...meeting },
    labels,
    now,
  );
}

import { describe, expect, it } from 'vitest';
import { icsEscape, icsFold, meetingIcs } from './ics';

const labels = {
  summary: 'RCP patient · Maison de santé',
  description: 'Ordre du jour : 2 dossiers.\nQuestion; à voir, vite \\ fin',
  location: 'Maison de santé, salle 2',
};
const meeting = { date: '2027-03-28', start: '12:30', end: '14:00', link: '' };
const NOW = new Date('2027-03-01T08:09:10.123Z');

/** Undoes the folding as a calendar does: CRLF followed by one space disappears. */
const unfold = (ics: string) => ics.replace(/\r\n /g, '');
const octets = (line: string) => new TextEncoder().encode(line).length;

describe('meeting .ics', () => {
  it('is a VCALENDAR with a Paris VTIMEZONE and wall-clock times, CRLF line ends', () => {
    const ics = meetingIcs('meeting-0001', meeting, labels, NOW);
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toContain('\n');
    const lines = unfold(ics).trimEnd().split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines).toContain('TZID:Europe/Paris');
    expect(lines).toContain('UID:meeting-0001@concertations.maillage');
    expect(lines).toContain('DTSTAMP:20270301T080910Z');
    // The day summer time starts: the time stays what the participants read on the clock.
    expect(lines).toContain('DTSTART;TZID=Europe/Paris:20270328T123000');
    expect(lines).toContain('DTEND;TZID=Europe/Paris:20270328T140000');
    expect(lines).toContain('LOCATION;LANGUAGE=fr:Maison de santé\\, salle 2');
    expect(lines.filter((l) => l.startsWith('BEGIN:'))).toHaveLength(5);
    expect(lines.filter((l) => l.startsWith('END:'))).toHaveLength(5);
  });

  it('keeps its UID across downloads and changes, one per meeting', () => {
    const uid = (ics: string) => /UID:(.*)\r\n/.exec(ics)?.[1];
    const first = meetingIcs('meeting-0001', meeting, labels, NOW);
    const later = meetingIcs('meeting-0001', { ...meeting, start: '13:00' }, labels, new Date('2027-03-10T00:00:00Z'));
    expect(uid(later)).toBe(uid(first));
    expect(uid(meetingIcs('meeting-0002', meeting, labels, NOW))).not.toBe(uid(first));
  });

  it('says CANCELLED for a cancelled meeting, under the same UID, so the calendar marks the event it holds', () => {
    const planned = meetingIcs('meeting-0001', { ...meeting, status: 'planifiee' }, labels, NOW);
    const cancelled = meetingIcs('meeting-0001', { ...meeting, status: 'annulee' }, labels, NOW);
    expect(planned).toContain('STATUS:CONFIRMED\r\n');
    expect(cancelled).toContain('STATUS:CANCELLED\r\n');
    expect(cancelled.replace('CANCELLED', 'CONFIRMED')).toBe(planned);
  });

  it('escapes backslashes, semicolons, commas and line breaks', () => {
    expect(icsEscape('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    const ics = unfold(meetingIcs('meeting-0001', meeting, labels, NOW));
    expect(ics).toContain('DESCRIPTION;LANGUAGE=fr:Ordre du jour : 2 dossiers.\\nQuestion\\; à voir\\, vite \\\\ fin');
  });

  it('folds lines at 75 octets without cutting a character', () => {
    const long = `SUMMARY:${'é'.repeat(100)}`;
    const folded = icsFold(long);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(2);
    expect(octets(parts[0]!)).toBeLessThanOrEqual(75);
    for (const part of parts.slice(1)) {
      expect(part.startsWith(' ')).toBe(true);
      expect(octets(part)).toBeLessThanOrEqual(75);
    }
    expect(unfold(folded)).toBe(long);
    expect(icsFold('short')).toBe('short');
    const ics = meetingIcs('meeting-0001', meeting, { ...labels, description: 'x'.repeat(500) }, NOW);
    for (const line of ics.trimEnd().split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
  });

  it('states the same clock changes as the time-zone database, for the years to come', () => {
    const offset = (iso: string) =>
      new Intl.DateTimeFormat('en', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' })
        .formatToParts(new Date(iso))
        .find((p) => p.type === 'timeZoneName')?.value;
    const lastSunday = (year: number, month: number) => {
      const d = new Date(Date.UTC(year, month, 0));
      d.setUTCDate(d.getUTCDate() - d.getUTCDay());
      return d.toISOString().slice(0, 10);
    };
    const ics = meetingIcs('meeting-0001', meeting, labels, NOW);
    expect(ics).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
    expect(ics).toContain('RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU');
    for (let year = 2026; year <= 2035; year++) {
      const march = lastSunday(year, 3);
      const october = lastSunday(year, 10);
      // DTSTART 02:00 local = 01:00 UTC in March; 03:00 local = 01:00 UTC in October.
      expect([offset(`${march}T00:59:00Z`), offset(`${march}T01:00:00Z`)]).toEqual(['GMT+01:00', 'GMT+02:00']);
      expect([offset(`${october}T00:59:00Z`), offset(`${october}T01:00:00Z`)]).toEqual(['GMT+02:00', 'GMT+01:00']);
    }
  });
});

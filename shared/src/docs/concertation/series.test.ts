import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { createConcertation } from './layout';
import { moveConcertationStatus } from './workflow';
import {
  agendaWarnings,
  nextOccurrence,
  readSeries,
  seriesRrule,
  setSeries,
  WEEKDAYS,
  type SeriesInput,
  type SeriesRule,
} from './series';
import { seriesIcs } from './ics';
import { annuaire, CLAIRE, DENIS, meetingInput } from './testing';

const firstTuesday: SeriesRule = { freq: 'monthly', weekday: 'TU', rank: 1 };
const input = (over: Partial<SeriesInput> = {}): SeriesInput => ({
  name: 'RCP du premier mardi',
  rule: firstTuesday,
  minutesPerCase: 15,
  maxCases: 6,
  permanent: [DENIS],
  ...over,
});

function meetingDoc(): Y.Doc {
  const doc = new Y.Doc();
  if (!createConcertation(doc, meetingInput(), CLAIRE, annuaire).ok) throw new Error('fixture');
  return doc;
}

describe('a series’ next occurrence', () => {
  it('finds the first, the third and the last weekday of the month', () => {
    expect(nextOccurrence(firstTuesday, '2027-01-05')).toBe('2027-02-02');
    expect(nextOccurrence(firstTuesday, '2027-01-04')).toBe('2027-01-05');
    expect(nextOccurrence(firstTuesday, '2026-12-31')).toBe('2027-01-05');
    expect(nextOccurrence({ freq: 'monthly', weekday: 'TH', rank: 3 }, '2027-01-21')).toBe('2027-02-18');
    expect(nextOccurrence({ freq: 'monthly', weekday: 'FR', rank: -1 }, '2027-01-29')).toBe('2027-02-26');
    expect(nextOccurrence({ freq: 'weekly', weekday: 'MO', interval: 2 }, '2027-01-04')).toBe('2027-01-18');
    expect(nextOccurrence({ freq: 'weekly', weekday: 'MO', interval: 2 }, '2027-01-06')).toBe('2027-01-11');
  });

  it('always falls after the day given, on the rule’s weekday, within the rule’s reach', () => {
    const rule = fc.oneof(
      fc.record({
        freq: fc.constant('monthly' as const),
        weekday: fc.constantFrom(...WEEKDAYS),
        rank: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const, -1 as const),
      }),
      fc.record({
        freq: fc.constant('weekly' as const),
        weekday: fc.constantFrom(...WEEKDAYS),
        interval: fc.integer({ min: 1, max: 8 }),
      }),
    );
    const day = fc.date({ min: new Date('2026-01-01'), max: new Date('2035-12-31'), noInvalidDate: true });
    fc.assert(
      fc.property(rule, day, (r, d) => {
        const after = d.toISOString().slice(0, 10);
        const next = nextOccurrence(r, after);
        const gap = (Date.parse(next) - Date.parse(after)) / 86_400_000;
        expect(gap).toBeGreaterThan(0);
        expect(gap).toBeLessThanOrEqual(r.freq === 'weekly' ? 7 * r.interval : 62);
        expect(WEEKDAYS[(new Date(`${next}T00:00:00Z`).getUTCDay() + 6) % 7]).toBe(r.weekday);
        if (r.freq === 'monthly' && r.rank > 0) expect(Math.ceil(Number(next.slice(8)) / 7)).toBe(r.rank);
        if (r.freq === 'monthly' && r.rank === -1) {
          const week = new Date(Date.parse(`${next}T00:00:00Z`) + 7 * 86_400_000);
          expect(week.getUTCMonth()).not.toBe(Number(next.slice(5, 7)) - 1);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('a series in the meeting', () => {
  it('is written with its settings, and keeps its id when they change', () => {
    const doc = meetingDoc();
    const set = setSeries(doc, input());
    if (!set.ok) throw new Error('refused');
    expect(readSeries(doc)).toEqual(set.value);
    const again = setSeries(doc, input({ maxCases: 8 }));
    expect(again.ok && again.value.id).toBe(set.value.id);
    expect(readSeries(doc)?.maxCases).toBe(8);
  });

  it('keeps the charte’s quorum, the default rule when none is set (series written before it existed too)', () => {
    const doc = meetingDoc();
    expect(setSeries(doc, input()).ok).toBe(true);
    expect(readSeries(doc)?.quorum).toEqual({ minProfessions: 3, minMedecins: 1 });
    expect(setSeries(doc, input({ quorum: { minProfessions: 2, minMedecins: 0 } })).ok).toBe(true);
    expect(readSeries(doc)?.quorum).toEqual({ minProfessions: 2, minMedecins: 0 });
    doc.getMap('series').delete('quorum');
    expect(readSeries(doc)?.quorum).toEqual({ minProfessions: 3, minMedecins: 1 });
  });

  it('refuses bad settings in French and a validated meeting, writing nothing', () => {
    const doc = meetingDoc();
    const before = Y.encodeStateVector(doc);
    const messages = (value: unknown) => {
      const result = setSeries(doc, value);
      return result.ok ? [] : result.errors.map((e) => e.message);
    };
    expect(messages(input({ name: ' ' }))).toContain('errors.seriesName');
    expect(messages(input({ minutesPerCase: 0 }))).toContain('errors.seriesMinutes');
    expect(messages(input({ maxCases: 51 }))).toContain('errors.seriesMaxCases');
    expect(messages(input({ quorum: { minProfessions: 0, minMedecins: 1 } }))).toContain('errors.quorumProfessions');
    expect(messages(input({ quorum: { minProfessions: 3, minMedecins: -1 } }))).toContain('errors.quorumMedecins');
    expect(messages(input({ rule: { freq: 'monthly', weekday: 'XX', rank: 1 } as never }))).toContain(
      'errors.seriesWeekday',
    );
    expect(messages(input({ rule: { freq: 'weekly', weekday: 'MO', interval: 9 } }))).toContain(
      'errors.seriesInterval',
    );
    expect(Y.encodeStateVector(doc)).toEqual(before);
    moveConcertationStatus(doc, 'tenue', CLAIRE);
    moveConcertationStatus(doc, 'validee', CLAIRE);
    const locked = Y.encodeStateVector(doc);
    expect(messages(input())).toEqual(['errors.concertationLocked']);
    expect(Y.encodeStateVector(doc)).toEqual(locked);
  });
});

describe('the charte’s rules on the agenda', () => {
  const agenda = [20, 10, 15].map((minutes, i) => ({ id: `item-${i}`, minutes }));
  it('warns past the number of cases, the time per case and the meeting’s length', () => {
    expect(agendaWarnings(agenda, { minutesPerCase: 15, maxCases: 2 }, { start: '12:30', end: '13:00' })).toEqual({
      tooManyCases: { count: 3, max: 2 },
      overTime: ['item-0'],
      overMeeting: { planned: 45, available: 30 },
    });
    expect(agendaWarnings(agenda, { minutesPerCase: 20, maxCases: 3 }, { start: '12:30', end: '14:00' })).toEqual({
      tooManyCases: null,
      overTime: [],
      overMeeting: null,
    });
    expect(agendaWarnings(agenda, null, { start: '12:30', end: '14:00' }).tooManyCases).toBeNull();
  });
});

describe('the series as one calendar event', () => {
  it('writes an RRULE in Paris wall-clock time, with one UID per series', () => {
    expect(seriesRrule(firstTuesday)).toBe('FREQ=MONTHLY;BYDAY=1TU');
    expect(seriesRrule({ freq: 'monthly', weekday: 'FR', rank: -1 })).toBe('FREQ=MONTHLY;BYDAY=-1FR');
    expect(seriesRrule({ freq: 'weekly', weekday: 'MO', interval: 1 })).toBe('FREQ=WEEKLY;BYDAY=MO');
    expect(seriesRrule({ freq: 'weekly', weekday: 'MO', interval: 2 })).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO');
    const ics = seriesIcs(
      'series-0001',
      seriesRrule(firstTuesday),
      { date: '2027-01-05', start: '12:30', end: '14:00', link: '' },
      { summary: 'RCP du premier mardi', description: 'Chaque premier mardi', location: 'MSP' },
      { now: new Date('2027-01-01T00:00:00Z') },
    );
    const lines = ics.replace(/\r\n /g, '').trimEnd().split('\r\n');
    expect(lines).toContain('UID:series-0001@series.concertations.maillage');
    expect(lines).toContain('RRULE:FREQ=MONTHLY;BYDAY=1TU');
    expect(lines).toContain('DTSTART;TZID=Europe/Paris:20270105T123000');
    expect(lines).toContain('TZID:Europe/Paris');
    expect(lines.filter((l) => l.startsWith('RRULE:')).length).toBe(3); // the series' and the zone's two
    expect(lines.filter((l) => l.startsWith('EXDATE'))).toEqual([]);
  });

  it('leaves out the days whose meeting was cancelled, at the series’ time, once each', () => {
    const ics = seriesIcs(
      'series-0001',
      seriesRrule(firstTuesday),
      { date: '2027-01-05', start: '12:30', end: '14:00', link: '' },
      { summary: 'RCP', description: '', location: '' },
      { cancelledDays: ['2027-03-02', '2027-02-02', '2027-03-02'] },
    );
    const lines = ics.replace(/\r\n /g, '').trimEnd().split('\r\n');
    expect(lines.filter((l) => l.startsWith('EXDATE'))).toEqual([
      'EXDATE;TZID=Europe/Paris:20270202T123000',
      'EXDATE;TZID=Europe/Paris:20270302T123000',
    ]);
    // Inside the event, after its rule.
    expect(lines.indexOf('EXDATE;TZID=Europe/Paris:20270202T123000')).toBe(
      lines.indexOf('RRULE:FREQ=MONTHLY;BYDAY=1TU') + 1,
    );
    expect(lines).toContain('STATUS:CONFIRMED');
  });
});

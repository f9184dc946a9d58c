// A series of meetings (« chaque premier mardi »): its rule, and the charte's rules for its agenda (how long per case,
// how many cases) and its quorum. Every meeting of a series carries the series in its own `series` map, copied when the next one is
// prepared: a series needs no document of its own, and a meeting read alone (offline, printed) still knows its rules.
import type * as Y from 'yjs';
import { z } from 'zod/mini';
import { idSchema, memberIdSchema, newDocId } from '../../sync/ids';
import { isCalendarDate } from '../../domain/parisDays';
import { validate, type Validated } from '../validation';
import { isMeetingEditable, readMeeting } from './layout';
import type { AgendaItem } from './schema';
import { DEFAULT_QUORUM } from './quorum';

/** Monday first, as the French calendar and RFC 5545's BYDAY list them. */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
/** Which of the month's weekdays: the first to the fourth, or the last (-1). */
export const MONTH_RANKS = [1, 2, 3, 4, -1] as const;

export const seriesRuleSchema = z.discriminatedUnion('freq', [
  z.object({
    freq: z.literal('monthly'),
    weekday: z.enum(WEEKDAYS, { error: 'errors.seriesWeekday' }),
    rank: z.union(
      MONTH_RANKS.map((r) => z.literal(r)),
      { error: 'errors.seriesRank' },
    ),
  }),
  z.object({
    freq: z.literal('weekly'),
    weekday: z.enum(WEEKDAYS, { error: 'errors.seriesWeekday' }),
    interval: z
      .int({ error: 'errors.seriesInterval' })
      .check(z.minimum(1, 'errors.seriesInterval'), z.maximum(8, 'errors.seriesInterval')),
  }),
]);
export type SeriesRule = z.infer<typeof seriesRuleSchema>;

const optionalLimit = (max: number, error: string) =>
  z._default(z.nullable(z.int({ error }).check(z.minimum(1, error), z.maximum(max, error))), null);

export const seriesInputSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1, 'errors.seriesName'), z.maxLength(80, 'errors.tooLong')),
  rule: seriesRuleSchema,
  /** The charte's time per case, in minutes: the agenda warns past it. */
  minutesPerCase: optionalLimit(180, 'errors.seriesMinutes'),
  /** The charte's number of cases per meeting: the agenda warns past it. */
  maxCases: optionalLimit(50, 'errors.seriesMaxCases'),
  /** Who comes to every meeting of the series: the next meeting invites them (the bureau always comes). */
  permanent: z._default(z.array(memberIdSchema).check(z.maxLength(100, 'errors.tooMany')), []),
  /** The charte's quorum (primary care has no legal one): the attendance shows whether it holds. */
  quorum: z._default(
    z.object({
      minProfessions: z
        .int({ error: 'errors.quorumProfessions' })
        .check(z.minimum(1, 'errors.quorumProfessions'), z.maximum(20, 'errors.quorumProfessions')),
      minMedecins: z
        .int({ error: 'errors.quorumMedecins' })
        .check(z.minimum(0, 'errors.quorumMedecins'), z.maximum(20, 'errors.quorumMedecins')),
    }),
    DEFAULT_QUORUM,
  ),
});
export type SeriesInput = z.input<typeof seriesInputSchema>;
export type Series = z.infer<typeof seriesInputSchema> & { id: string };
const storedSeriesSchema = z.extend(seriesInputSchema, { id: idSchema });

const seriesMap = (doc: Y.Doc) => doc.getMap<unknown>('series');

export function readSeries(doc: Y.Doc): Series | null {
  const parsed = storedSeriesSchema.safeParse(seriesMap(doc).toJSON());
  return parsed.success ? parsed.data : null;
}

/**
 * Makes the meeting part of a series, or changes the series' settings (its id is kept: the next meetings and the
 * calendar's UID stay the same series). `id` joins an existing series (a meeting prepared from the last one).
 * Refused, nothing written: bad input, or a meeting whose minutes are validated.
 */
export function setSeries(doc: Y.Doc, input: SeriesInput | unknown, id?: string): Validated<Series> {
  const meeting = readMeeting(doc);
  if (!meeting) return { ok: false, errors: [{ field: 'meeting', message: 'errors.noMeeting' }] };
  if (!isMeetingEditable(meeting))
    return { ok: false, errors: [{ field: 'status', message: 'errors.concertationLocked' }] };
  const result = validate(seriesInputSchema, input);
  if (!result.ok) return result;
  const seriesId = id && idSchema.safeParse(id).success ? id : (readSeries(doc)?.id ?? newDocId());
  const value: Series = { ...result.value, id: seriesId };
  doc.transact(() => {
    const m = seriesMap(doc);
    for (const [key, v] of Object.entries(value)) m.set(key, v);
  });
  return { ok: true, value };
}

const dayOf = (date: string) => new Date(`${date}T00:00:00Z`);
const isoOf = (d: Date) => d.toISOString().slice(0, 10);
/** 0 for Monday, as WEEKDAYS. */
const weekdayIndex = (d: Date) => (d.getUTCDay() + 6) % 7;

/** The rule's day in a month (year, month 0–11), e.g. its first Tuesday or its last Friday. */
function dayInMonth(year: number, month: number, weekday: Weekday, rank: number): Date {
  const wanted = WEEKDAYS.indexOf(weekday);
  if (rank > 0) {
    const first = new Date(Date.UTC(year, month, 1));
    return new Date(Date.UTC(year, month, 1 + ((wanted - weekdayIndex(first) + 7) % 7) + 7 * (rank - 1)));
  }
  const last = new Date(Date.UTC(year, month + 1, 0));
  return new Date(Date.UTC(year, month + 1, 0 - ((weekdayIndex(last) - wanted + 7) % 7)));
}

/** The series' first day strictly after `after` (a Paris calendar day): when the next meeting falls. */
export function nextOccurrence(rule: SeriesRule, after: string): string {
  if (!isCalendarDate(after)) throw new RangeError('not a calendar date');
  const from = dayOf(after);
  if (rule.freq === 'weekly') {
    const ahead = (WEEKDAYS.indexOf(rule.weekday) - weekdayIndex(from) + 7) % 7;
    // On the rule's weekday, the next one is `interval` weeks on; otherwise the first such weekday after.
    const days = ahead === 0 ? 7 * rule.interval : ahead;
    return isoOf(new Date(from.getTime() + days * 86_400_000));
  }
  for (let i = 0; i < 3; i++) {
    const candidate = dayInMonth(from.getUTCFullYear(), from.getUTCMonth() + i, rule.weekday, rule.rank);
    if (candidate > from) return isoOf(candidate);
  }
  throw new RangeError('no occurrence'); // never: a month always has its first to fourth and last weekdays
}

/** The rule as RFC 5545 writes it (§3.3.10), e.g. FREQ=MONTHLY;BYDAY=1TU. */
export function seriesRrule(rule: SeriesRule): string {
  return rule.freq === 'monthly'
    ? `FREQ=MONTHLY;BYDAY=${rule.rank}${rule.weekday}`
    : `FREQ=WEEKLY${rule.interval > 1 ? `;INTERVAL=${rule.interval}` : ''};BYDAY=${rule.weekday}`;
}

export interface AgendaWarnings {
  /** Cases on the agenda past the charte's number, or null when it holds (or the series sets none). */
  tooManyCases: { count: number; max: number } | null;
  /** Agenda items planned longer than the charte's time per case. */
  overTime: string[];
  /** The agenda's planned minutes past the meeting's length, or null when it fits. */
  overMeeting: { planned: number; available: number } | null;
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** What the agenda breaks of the charte's rules and of the meeting's length: warnings, never refusals. */
export function agendaWarnings(
  agenda: readonly Pick<AgendaItem, 'id' | 'minutes'>[],
  series: Pick<Series, 'minutesPerCase' | 'maxCases'> | null,
  meeting: { start: string; end: string },
): AgendaWarnings {
  const max = series?.maxCases ?? null;
  const perCase = series?.minutesPerCase ?? null;
  const planned = agenda.reduce((sum, i) => sum + i.minutes, 0);
  const available = minutesOf(meeting.end) - minutesOf(meeting.start);
  return {
    tooManyCases: max !== null && agenda.length > max ? { count: agenda.length, max } : null,
    overTime: perCase === null ? [] : agenda.filter((i) => i.minutes > perCase).map((i) => i.id),
    overMeeting: planned > available ? { planned, available } : null,
  };
}

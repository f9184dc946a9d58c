// « Concertation courte »: two or three professionals of a case's care team agree on a decision about one patient,
// recorded from the coordination file in one screen. It is a concertation like any other (a restricted meeting with
// one case, held and validated by whoever records it), so the ACI counts it; its decision goes into the case as an RCP
// decision does. Everything is checked here first: bad input plans nothing.
import type * as Y from 'yjs';
import { z } from 'zod/mini';
import { memberIdSchema } from '../../sync/ids';
import { isCalendarDate } from '../../domain/parisDays';
import { validate, type FieldError, type Validated } from '../validation';
import { ACI_CRITERIA, type AgendaItemInput, type NewConcertationInput } from './schema';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export const shortConcertationSchema = z.object({
  /** The Paris day it was held: today or before (the case's timeline records what happened). */
  date: z.string({ error: 'errors.dateRequired' }).check(z.refine(isCalendarDate, 'errors.date')),
  start: z.string({ error: 'errors.time' }).check(z.regex(TIME, 'errors.time')),
  minutes: z.int({ error: 'errors.minutes' }).check(z.minimum(1, 'errors.minutes'), z.maximum(180, 'errors.minutes')),
  /** Who took part besides the person recording it: members of the case's care team. */
  participants: z
    .array(memberIdSchema)
    .check(z.minLength(1, 'errors.shortParticipants'), z.maxLength(20, 'errors.tooMany')),
  question: z.string().check(z.trim(), z.minLength(1, 'errors.questionRequired'), z.maxLength(500, 'errors.tooLong')),
  criterion: z.enum(ACI_CRITERIA, { error: 'errors.criterion' }),
  decision: z
    .string()
    .check(z.trim(), z.minLength(1, 'errors.rcpDecisionRequired'), z.maxLength(4000, 'errors.tooLong')),
  actions: z
    .array(
      z.object({
        text: z.string().check(z.trim(), z.minLength(1, 'errors.actionRequired'), z.maxLength(300, 'errors.tooLong')),
        owner: z.string({ error: 'errors.rcpActionOwner' }).check(z.minLength(1, 'errors.rcpActionOwner')),
        due: z._default(z.nullable(z.string().check(z.refine(isCalendarDate, 'errors.date'))), null),
      }),
    )
    .check(z.maxLength(20, 'errors.tooMany')),
});
export type ShortConcertationInput = z.input<typeof shortConcertationSchema>;

export interface ShortConcertationPlan {
  meeting: NewConcertationInput;
  item: AgendaItemInput;
  decision: string;
  actions: { text: string; owner: string; due: string | null }[];
}

const timeOf = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * The meeting and its one case, from what was typed. Refused, in French: bad input, a participant or an action's owner
 * off the case's care team, a day still to come, an end past midnight.
 */
export function shortConcertationPlan(
  input: ShortConcertationInput | unknown,
  me: string,
  careTeam: readonly string[],
  target: { caseId: string; label: string; place: string },
  today: string,
): Validated<ShortConcertationPlan> {
  const result = validate(shortConcertationSchema, input);
  if (!result.ok) return result;
  const v = result.value;
  const errors: FieldError[] = [];
  const team = new Set(careTeam);
  v.participants.forEach((id, i) => {
    if (!team.has(id) || id === me) errors.push({ field: `participants.${i}`, message: 'errors.shortNotOnTeam' });
  });
  v.actions.forEach((a, i) => {
    if (!team.has(a.owner)) errors.push({ field: `actions.${i}.owner`, message: 'errors.ownerNotOnTeam' });
  });
  if (v.date > today) errors.push({ field: 'date', message: 'errors.rcpBeforeMeeting' });
  const [h, m] = v.start.split(':').map(Number) as [number, number];
  const end = h * 60 + m + v.minutes;
  if (end >= 24 * 60) errors.push({ field: 'minutes', message: 'errors.endBeforeStart' });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      meeting: {
        type: 'rcp_patient',
        date: v.date,
        start: v.start,
        end: timeOf(end),
        modality: 'presentiel',
        place: target.place,
        coordonnateur: me,
        animateur: me,
        secretaire: null,
        participants: [...new Set(v.participants)],
      },
      item: {
        caseId: target.caseId,
        label: target.label,
        presenter: me,
        question: v.question,
        criterion: v.criterion,
        minutes: v.minutes,
      },
      decision: v.decision,
      actions: v.actions,
    },
  };
}

/** Marks the meeting as a short concertation (the lists say so); it is otherwise a meeting like any other. */
export function markShortConcertation(doc: Y.Doc): void {
  doc.getMap<unknown>('meeting').set('format', 'courte');
}

export const isShortConcertation = (doc: Y.Doc): boolean => doc.getMap<unknown>('meeting').get('format') === 'courte';

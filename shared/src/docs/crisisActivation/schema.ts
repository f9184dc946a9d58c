// A crisis activation (DOMAIN.md §4): who qualified the crisis and when, the members' acknowledgements, the main
// courante. One document per activation, open to every member, so every device holds it and can write offline.
import { z } from 'zod/mini';
import { memberIdSchema } from '../../sync/ids';
import { crisisAuthoritySchema, crisisTypologySchema } from '../crisisPlan/typologies';

export const ACK_ANSWERS = ['disponible', 'indisponible'] as const;
export const ENTRY_KINDS = ['decision', 'information'] as const;
export const ENTRY_CHECKS = ['a_verifier', 'verifie'] as const;

export type AckAnswer = (typeof ACK_ANSWERS)[number];
export type EntryKind = (typeof ENTRY_KINDS)[number];
export type EntryCheck = (typeof ENTRY_CHECKS)[number];

const isoTime = z.iso.datetime({ error: 'errors.crisisTime' });

export const activationInputSchema = z.object({
  typology: crisisTypologySchema,
  authority: crisisAuthoritySchema,
  /** The authority's reference (arrêté, message, call number): what later shows the crisis was qualified. */
  reference: z._default(z.string().check(z.trim(), z.maxLength(200, 'errors.tooLong')), ''),
  /** When the authority qualified the crisis (ISO, UTC); never after the activation. */
  qualifiedAt: isoTime,
  /** An exercise is recorded the same way, counted apart, with its scenario. */
  exercise: z._default(z.boolean(), false),
  scenario: z._default(z.string().check(z.trim(), z.maxLength(1000, 'errors.tooLong')), ''),
});
export type ActivationInput = z.input<typeof activationInputSchema>;

export const activationSchema = z.extend(activationInputSchema, {
  activatedBy: memberIdSchema,
  activatedAt: isoTime,
  deactivatedBy: z._default(z.nullable(memberIdSchema), null),
  deactivatedAt: z._default(z.nullable(isoTime), null),
});
export type Activation = z.infer<typeof activationSchema>;

export const ackSchema = z.object({
  answer: z.enum(ACK_ANSWERS, { error: 'errors.ackAnswer' }),
  at: isoTime,
});
export type Ack = z.infer<typeof ackSchema> & { memberId: string };

export const entryInputSchema = z.object({
  text: z.string().check(z.trim(), z.minLength(1, 'errors.entryRequired'), z.maxLength(2000, 'errors.tooLong')),
  kind: z.enum(ENTRY_KINDS, { error: 'errors.entryKind' }),
  /** The time the entry speaks of, on the author's device; now when not given. */
  at: z.optional(isoTime),
  /** A correction names the earlier entry it corrects; that entry stays as written. */
  corrects: z.optional(z.nullable(z.string().check(z.maxLength(64)))),
});
export type EntryInput = z.input<typeof entryInputSchema>;

/** An entry as stored: written once under its id, never rewritten. */
export const storedEntrySchema = z.object({
  at: isoTime,
  author: memberIdSchema,
  text: z.string().check(z.maxLength(2000)),
  kind: z.enum(ENTRY_KINDS),
  corrects: z._default(z.nullable(z.string().check(z.maxLength(64))), null),
});
export type StoredEntry = z.infer<typeof storedEntrySchema>;
export interface Entry extends StoredEntry {
  id: string;
  /** The cell's mark, if any, with who set it and when. */
  check: { state: EntryCheck; by: string; at: string } | null;
  /** Later entries that correct this one. */
  correctedBy: string[];
}

export const checkSchema = z.object({
  state: z.enum(ENTRY_CHECKS, { error: 'errors.entryCheck' }),
  by: memberIdSchema,
  at: isoTime,
});

/** Who does something, as the layout checks it: the relay keeps observers from writing, the layout says why. */
export interface CrisisActor {
  memberId: string;
  role: 'coordinator' | 'member' | 'observer';
  /** A référent SSE named in the plan (until the plan exists: nobody, coordinators activate). */
  referent?: boolean;
}

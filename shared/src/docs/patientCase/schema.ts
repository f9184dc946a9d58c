// Dossier de coordination: a pseudonymised patient, the care team, a timeline of notes and decisions, open actions.
import { z } from 'zod/mini';
import { memberIdSchema } from '../../sync/ids';
import { isCalendarDate } from '../../domain/parisDays';

export const SEXES = ['F', 'M', 'X'] as const;
/** Whether the patient has declared a médecin traitant: « patients sans MT » is the CPTS's first access indicator. */
export const MT_STATUSES = ['declare', 'sans_mt'] as const;
/** Fragility the CPTS tracks; « 70 ans et plus » is derived from the birth year, never typed. */
export const FRAGILITIES = ['ald', 'css', 'handicap'] as const;
export const CASE_STATUSES = ['en_cours', 'clos'] as const;
export const TIMELINE_KINDS = ['note', 'decision'] as const;
/** Pathways the CPTS commonly runs; the field stays free text. */
export const COMMON_PATHWAYS = [
  'insuffisance_cardiaque',
  'diabete',
  'personnes_agees',
  'plaies_chroniques',
  'sante_mentale',
  'soins_palliatifs',
  'sortie_hospitalisation',
] as const;

export const caseStatusSchema = z.enum(CASE_STATUSES, { error: 'errors.status' });
export type CaseStatus = z.infer<typeof caseStatusSchema>;
export type Fragility = (typeof FRAGILITIES)[number];

/** « M.-D. » or « md » is stored « MD »: 2 to 4 letters, never a name. */
export const initialsSchema = z.pipe(
  z.string({ error: 'errors.initials' }),
  z.transform((raw: string, ctx) => {
    const letters = raw
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .replace(/[\s.\-']/g, '')
      .toUpperCase();
    if (/^[A-Z]{2,4}$/.test(letters)) return letters;
    ctx.issues.push({ code: 'custom', message: 'errors.initials', input: raw });
    return z.NEVER;
  }),
);

export const birthYearSchema = z
  .int({ error: 'errors.birthYear' })
  .check(z.refine((year) => year >= 1900 && year <= new Date().getFullYear(), 'errors.birthYear'));

export const isoDateSchema = z.string({ error: 'errors.date' }).check(z.refine(isCalendarDate, 'errors.date'));

const text = (max: number) => z.string().check(z.trim(), z.maxLength(max, 'errors.tooLong'));

export const patientSchema = z.object({
  initials: initialsSchema,
  birthYear: birthYearSchema,
  sex: z.enum(SEXES, { error: 'errors.sex' }),
  commune: z._default(text(80), ''),
  mtStatus: z.enum(MT_STATUSES, { error: 'errors.mtStatus' }),
  pathway: z._default(text(120), ''),
  fragility: z._default(
    z.array(z.enum(FRAGILITIES, { error: 'errors.invalid' })).check(z.maxLength(FRAGILITIES.length)),
    [],
  ),
});
export type Patient = z.infer<typeof patientSchema>;
export type PatientInput = z.input<typeof patientSchema>;
export const patientPatchSchema = z.partial(patientSchema);
export type PatientPatch = z.input<typeof patientPatchSchema>;

export const newPatientCaseSchema = z.object({
  patient: patientSchema,
  /** Colleagues on the care team besides the creator, who is always on it. */
  team: z.array(memberIdSchema).check(z.maxLength(199, 'errors.aclTooLarge')),
  /** The patient was told their case is shared within the care team and did not object (CSP L1110-4). */
  patientInformed: z.literal(true, { error: 'errors.patientNotInformed' }),
});
export type NewPatientCaseInput = z.input<typeof newPatientCaseSchema>;

export const timelineInputSchema = z.object({
  kind: z.enum(TIMELINE_KINDS, { error: 'errors.invalid' }),
  date: isoDateSchema,
  text: z.string().check(z.trim(), z.minLength(1, 'errors.noteRequired'), z.maxLength(4000, 'errors.tooLong')),
});
export type TimelineInput = z.input<typeof timelineInputSchema>;
export interface TimelineEntry extends z.infer<typeof timelineInputSchema> {
  id: string;
  author: string;
  createdAt: string;
}

export const actionInputSchema = z.object({
  text: z.string().check(z.trim(), z.minLength(1, 'errors.actionRequired'), z.maxLength(300, 'errors.tooLong')),
  owner: z._default(z.nullable(memberIdSchema), null),
  due: z._default(z.nullable(isoDateSchema), null),
});
export type ActionInput = z.input<typeof actionInputSchema>;
export interface CaseAction extends z.infer<typeof actionInputSchema> {
  id: string;
  done: boolean;
  createdBy: string;
  createdAt: string;
}

/** A member who joined the team for a concertation on the case: « RCP du … » (issue 20). */
export interface TeamReason {
  meetingId: string;
  date: string;
}

export interface TeamMember {
  memberId: string;
  addedBy: string;
  addedAt: string;
  rcp?: TeamReason;
}

export interface PatientCase {
  status: CaseStatus;
  createdBy: string | null;
  createdAt: string | null;
  patient: Patient | null;
  team: TeamMember[];
}

// Fiche d'événement indésirable (FEI): what the reporter writes, and what the quality référent adds when qualifying it.
// No patient field and no colleague's name: professions are categories; the reporter's name is optional.
import { z } from 'zod/mini';
import { professionSchema } from '../../domain/professions';
import { isCalendarDate } from '../../domain/parisDays';

export const EVENT_PLACES = [
  'cabinet',
  'domicile',
  'officine',
  'ehpad',
  'telephone',
  'etablissement',
  'autre',
] as const;
/** EPR: a barrier worked and nobody was harmed; a good practice is worth sharing too. */
export const EVENT_NATURES = ['epr', 'dommage', 'bonne_pratique'] as const;
export const CONSEQUENCES = ['aucune', 'temporaire', 'permanente', 'deces'] as const;
/** HAS scale; the wording of each level lives in the client's i18n (`adverse.severity.<level>`). */
export const SEVERITY_LEVELS = [1, 2, 3, 4, 5] as const;
export const SEVERITY_NAMES = ['mineur', 'significatif', 'majeur', 'critique', 'catastrophique'] as const;
/** PISA / ESPRIT categories the référent codes an event with. */
export const EVENT_CATEGORIES = [
  'organisation_cabinet',
  'parcours',
  'communication',
  'medicament',
  'diagnostic',
  'acte',
  'identification',
  'materiel',
  'autre',
] as const;
export const AVOIDABILITY = ['evitable', 'probablement_evitable', 'inevitable', 'ne_sait_pas'] as const;
/** R.1413-67: any one of them makes the event an EIGS, to be declared to the ARS. */
export const EIGS_CRITERIA = ['deces', 'mise_en_jeu_pronostic_vital', 'deficit_permanent_probable'] as const;
export const REPORT_STATUSES = ['declare', 'qualifie', 'a_analyser', 'analyse', 'clos'] as const;

export type EventPlace = (typeof EVENT_PLACES)[number];
export type EventNature = (typeof EVENT_NATURES)[number];
export type Consequence = (typeof CONSEQUENCES)[number];
export type Severity = (typeof SEVERITY_LEVELS)[number];
export type EventCategory = (typeof EVENT_CATEGORIES)[number];
export type Avoidability = (typeof AVOIDABILITY)[number];
export type EigsCriterion = (typeof EIGS_CRITERIA)[number];
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const reportStatusSchema = z.enum(REPORT_STATUSES, { error: 'errors.status' });
export const severitySchema = z
  .int({ error: 'errors.severity' })
  .check(z.minimum(1, 'errors.severity'), z.maximum(5, 'errors.severity'));

const text = (max: number) => z.string().check(z.trim(), z.maxLength(max, 'errors.tooLong'));
const dateSchema = z.string({ error: 'errors.date' }).check(z.refine(isCalendarDate, 'errors.date'));

export const reportFieldsSchema = z
  .object({
    occurredAt: z.iso.datetime({ error: 'errors.eventDate' }),
    place: z.enum(EVENT_PLACES, { error: 'errors.eventPlace' }),
    description: z
      .string({ error: 'errors.descriptionRequired' })
      .check(z.trim(), z.minLength(1, 'errors.descriptionRequired'), z.maxLength(4000, 'errors.tooLong')),
    nature: z.enum(EVENT_NATURES, { error: 'errors.eventNature' }),
    consequences: z.enum(CONSEQUENCES, { error: 'errors.consequences' }),
    severity: severitySchema,
    professions: z._default(z.array(professionSchema).check(z.maxLength(10, 'errors.tooMany')), []),
    immediateMeasures: z._default(text(2000), ''),
    patientInformed: z.boolean({ error: 'errors.patientInformed' }),
    patientInformedOn: z._default(z.nullable(dateSchema), null),
    reporterName: z._default(text(80), ''),
  })
  .check(
    z.refine((r) => r.patientInformed || r.patientInformedOn === null, {
      message: 'errors.informedDateWithoutYes',
      path: ['patientInformedOn'],
    }),
  );
export type ReportFields = z.infer<typeof reportFieldsSchema>;
export type ReportInput = z.input<typeof reportFieldsSchema>;

/** The retour au déclarant: never empty, so a save cannot erase what another référent wrote. */
export const feedbackSchema = z.object({
  feedback: z
    .string({ error: 'errors.feedbackRequired' })
    .check(z.trim(), z.minLength(1, 'errors.feedbackRequired'), z.maxLength(2000, 'errors.tooLong')),
});

export const qualificationSchema = z
  .object({
    category: z.enum(EVENT_CATEGORIES, { error: 'errors.eventCategory' }),
    severity: severitySchema,
    avoidability: z.enum(AVOIDABILITY, { error: 'errors.avoidability' }),
    eigs: z.boolean(),
    eigsCriteria: z._default(z.array(z.enum(EIGS_CRITERIA, { error: 'errors.eigsCriteria' })), []),
    portalReference: z._default(text(60), ''),
  })
  .check(
    z.refine((q) => !q.eigs || q.eigsCriteria.length > 0, {
      message: 'errors.eigsCriteria',
      path: ['eigsCriteria'],
    }),
    z.refine((q) => q.eigs || q.eigsCriteria.length === 0, { message: 'errors.eigsNotTicked', path: ['eigs'] }),
  );
export type Qualification = z.infer<typeof qualificationSchema>;
export type QualificationInput = z.input<typeof qualificationSchema>;

export interface Report extends ReportFields {
  reportedBy: string;
  reportedAt: string;
  status: ReportStatus;
}

export interface QualificationRecord extends Qualification {
  qualifiedBy: string;
  qualifiedAt: string;
  /** Volet 2 of an EIGS is due three months after volet 1 (Paris day, YYYY-MM-DD); null when not an EIGS. */
  volet2Due: string | null;
}

/** What every member may see of a report: no reporter, no free text. */
export interface RegisterRow {
  docId: string;
  /** The Paris day the event happened. */
  day: string;
  severity: Severity;
  status: ReportStatus;
  category: EventCategory | null;
  /** Near miss, harm or good practice: a category, never the text. Absent on rows from before decision 0036. */
  nature?: EventNature;
  /** Qualified as an EIGS by a référent. Absent on rows from before decision 0036. */
  eigs?: boolean;
}

export { dateSchema as reportDateSchema };

// Concertation (RCP, revue de dossiers, thématique, CREX): when and how the meeting is held, who runs it, who is
// invited, and its agenda. Patient data stays in each case's own document: an agenda item carries its label only.
import { z } from 'zod/mini';
import { idSchema, memberIdSchema } from '../../sync/ids';
import { isCalendarDate } from '../../domain/parisDays';

export const CONCERTATION_TYPES = ['rcp_patient', 'revue_dossiers', 'thematique', 'crex'] as const;
export const MODALITIES = ['presentiel', 'visio', 'hybride'] as const;
/** « annulee » is off the path: a planned meeting that will not take place (workflow.ts). */
export const CONCERTATION_STATUSES = ['planifiee', 'tenue', 'validee', 'verrouillee', 'annulee'] as const;
/** The ACI's target patients (unstable chronic illness, polymedication, complex cases, loss of autonomy, palliative). */
export const ACI_CRITERIA = [
  'age_75',
  'ald',
  'polymedication',
  'complexe',
  'perte_autonomie',
  'palliatif',
  'autre',
] as const;
export const ATTENDANCE_ANSWERS = ['present', 'excuse'] as const;

export type ConcertationType = (typeof CONCERTATION_TYPES)[number];
export type Modality = (typeof MODALITIES)[number];
export type ConcertationStatus = (typeof CONCERTATION_STATUSES)[number];
export type AciCriterion = (typeof ACI_CRITERIA)[number];
export type AttendanceAnswer = (typeof ATTENDANCE_ANSWERS)[number];

export const concertationStatusSchema = z.enum(CONCERTATION_STATUSES, { error: 'errors.status' });

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
export const timeSchema = z.string({ error: 'errors.time' }).check(z.regex(TIME, 'errors.time'));
const text = (max: number) => z.string().check(z.trim(), z.maxLength(max, 'errors.tooLong'));

export const meetingFieldsSchema = z
  .object({
    type: z.enum(CONCERTATION_TYPES, { error: 'errors.concertationType' }),
    /** A Paris calendar day; the times are Paris wall-clock times on that day. */
    date: z.string({ error: 'errors.dateRequired' }).check(
      z.refine((v) => v === '' || isCalendarDate(v), 'errors.date'),
      z.minLength(1, 'errors.dateRequired'),
    ),
    start: timeSchema,
    end: timeSchema,
    modality: z.enum(MODALITIES, { error: 'errors.modality' }),
    place: z._default(text(200), ''),
    link: z._default(
      z.string().check(z.trim(), z.maxLength(500, 'errors.tooLong'), z.regex(/^$|^https:\/\/\S+$/, 'errors.link')),
      '',
    ),
    coordonnateur: memberIdSchema,
    animateur: memberIdSchema,
    secretaire: z._default(z.nullable(memberIdSchema), null),
  })
  .check(
    z.refine((m) => m.end > m.start, { message: 'errors.endBeforeStart', path: ['end'] }),
    z.refine((m) => m.modality === 'visio' || m.place.length > 0, { message: 'errors.placeRequired', path: ['place'] }),
    z.refine((m) => m.modality === 'presentiel' || m.link.length > 0, {
      message: 'errors.linkRequired',
      path: ['link'],
    }),
  );
export type MeetingFields = z.infer<typeof meetingFieldsSchema>;

export const newConcertationSchema = z.extend(meetingFieldsSchema, {
  participants: z.array(memberIdSchema).check(z.maxLength(100, 'errors.tooMany')),
});
export type NewConcertationInput = z.input<typeof newConcertationSchema>;

export const agendaItemInputSchema = z.object({
  /** The dossier de coordination's document id. */
  caseId: idSchema,
  /** What the catalogue already shows for that case (initials, birth year): never more. */
  label: z.string().check(z.trim(), z.minLength(1, 'errors.labelRequired'), z.maxLength(80, 'errors.tooLong')),
  presenter: memberIdSchema,
  question: z.string().check(z.trim(), z.minLength(1, 'errors.questionRequired'), z.maxLength(500, 'errors.tooLong')),
  criterion: z.enum(ACI_CRITERIA, { error: 'errors.criterion' }),
  minutes: z.int({ error: 'errors.minutes' }).check(z.minimum(1, 'errors.minutes'), z.maximum(180, 'errors.minutes')),
});
export type AgendaItemInput = z.input<typeof agendaItemInputSchema>;
export interface AgendaItem extends z.infer<typeof agendaItemInputSchema> {
  id: string;
  /** Ticked during the meeting by whoever runs it: what the ACI counts as a case discussed. */
  discussed: boolean;
  /** When the case's team reported the decision into the case (decision 0038): a date, never its content. */
  decisionRecordedAt?: string | null;
  /** When the case's presenter recorded the patient's consent in the case (issue 20): a date, never its content. */
  consentRecordedAt?: string | null;
}

export const attendanceSchema = z.object({ answer: z.enum(ATTENDANCE_ANSWERS), at: z.iso.datetime() });
export type Attendance = z.infer<typeof attendanceSchema> & { memberId: string };

export const signatureSchema = z.object({
  name: z.string().check(z.minLength(1), z.maxLength(80)),
  profession: z.string().check(z.maxLength(40)),
  at: z.iso.datetime(),
});
export type Signature = z.infer<typeof signatureSchema> & { memberId: string };

export interface Meeting extends MeetingFields {
  status: ConcertationStatus;
  createdBy: string | null;
  participants: string[];
  /** Set when the animateur closes the attendance sheet. */
  sheetClosedAt: string | null;
  validatedAt: string | null;
}

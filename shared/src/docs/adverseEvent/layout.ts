// Typed read/write over an adverse-event report's Y.Doc. `report` is written once by the reporter; `review` holds the
// status and the retour au déclarant, `qualification` the référent's coding: separate top-level maps, so what a
// référent writes never clashes with a reporter's offline copy.
import type * as Y from 'yjs';
import { parisToday } from '../../domain/parisDays';
import { memberIdSchema } from '../../sync/ids';
import { readMeta, stampMeta } from '../meta';
import { validate, type FieldError, type Validated } from '../validation';
import {
  feedbackSchema,
  qualificationSchema,
  reportFieldsSchema,
  reportStatusSchema,
  type QualificationInput,
  type QualificationRecord,
  type RegisterRow,
  type Report,
  type ReportInput,
} from './schema';

export const ADVERSE_EVENT_LAYOUT_VERSION = 1;

const reportMap = (doc: Y.Doc) => doc.getMap<unknown>('report');
const reviewMap = (doc: Y.Doc) => doc.getMap<unknown>('review');
const qualificationMap = (doc: Y.Doc) => doc.getMap<unknown>('qualification');

export const isAdverseEvent = (doc: Y.Doc): boolean => readMeta(doc).kind === 'adverseEvent';

/** A refusal on one field, in the shape every layout returns. */
export const refuseReport = (field: string, message: string): { ok: false; errors: FieldError[] } => ({
  ok: false,
  errors: [{ field, message }],
});

/** Lays out a new report. Invalid input, or an event dated after `now`, writes nothing. */
export function createReport(
  doc: Y.Doc,
  input: ReportInput | unknown,
  reporter: string,
  now = new Date(),
): Validated<Report> {
  if (!memberIdSchema.safeParse(reporter).success) return refuseReport('reporter', 'errors.memberId');
  const result = validate(reportFieldsSchema, input);
  if (!result.ok) return result;
  const fields = result.value;
  if (Date.parse(fields.occurredAt) > now.getTime()) return refuseReport('occurredAt', 'errors.eventInFuture');
  if (fields.patientInformedOn && fields.patientInformedOn > parisToday(now))
    return refuseReport('patientInformedOn', 'errors.dateInFuture');
  if (readReport(doc)) return refuseReport('report', 'errors.reportExists');
  doc.transact(() => {
    stampMeta(doc, 'adverseEvent', ADVERSE_EVENT_LAYOUT_VERSION);
    const r = reportMap(doc);
    for (const [key, value] of Object.entries(fields)) r.set(key, value);
    r.set('reportedBy', reporter);
    r.set('reportedAt', now.toISOString());
    reviewMap(doc).set('status', 'declare');
  });
  return { ok: true, value: readReport(doc)! };
}

/** The report, or null when the document holds none (yet, or written by something else). */
export function readReport(doc: Y.Doc): Report | null {
  const r = reportMap(doc);
  const fields = reportFieldsSchema.safeParse(r.toJSON());
  const reportedBy = r.get('reportedBy');
  const reportedAt = r.get('reportedAt');
  if (!fields.success || typeof reportedBy !== 'string' || typeof reportedAt !== 'string') return null;
  return { ...fields.data, reportedBy, reportedAt, status: readStatus(doc) };
}

export function readStatus(doc: Y.Doc): Report['status'] {
  const status = reportStatusSchema.safeParse(reviewMap(doc).get('status'));
  return status.success ? status.data : 'declare';
}

export function readQualification(doc: Y.Doc): QualificationRecord | null {
  const q = qualificationMap(doc);
  const parsed = qualificationSchema.safeParse(q.toJSON());
  const by = q.get('qualifiedBy');
  const at = q.get('qualifiedAt');
  const due = q.get('volet2Due');
  if (!parsed.success || typeof by !== 'string' || typeof at !== 'string') return null;
  return { ...parsed.data, qualifiedBy: by, qualifiedAt: at, volet2Due: typeof due === 'string' ? due : null };
}

/** The référent's words to the reporter, shown on the reporter's own devices. */
export function readFeedback(doc: Y.Doc): { text: string; at: string } | null {
  const text = reviewMap(doc).get('feedback');
  const at = reviewMap(doc).get('feedbackAt');
  return typeof text === 'string' && typeof at === 'string' && text !== '' ? { text, at } : null;
}

/** Volet 2 is due three months (J+90) after volet 1, counted in Paris days. */
export function volet2DueDate(volet1Day: string): string {
  const date = new Date(`${volet1Day}T12:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + 90);
  return date.toISOString().slice(0, 10);
}

/** Writes the référent's qualification; the first one moves a declared report to « qualifié ». */
export function writeQualification(
  doc: Y.Doc,
  input: QualificationInput | unknown,
  actor: string,
  referents: ReadonlySet<string>,
  now = new Date(),
): Validated<QualificationRecord> {
  if (!referents.has(actor)) return refuseReport('actor', 'errors.referentOnly');
  if (!readReport(doc)) return refuseReport('report', 'errors.noReport');
  const result = validate(qualificationSchema, input);
  if (!result.ok) return result;
  const previous = readQualification(doc);
  const volet1Day = previous?.eigs ? previous.qualifiedAt.slice(0, 10) : parisToday(now);
  doc.transact(() => {
    const q = qualificationMap(doc);
    for (const [key, value] of Object.entries(result.value)) q.set(key, value);
    q.set('qualifiedBy', actor);
    if (!previous?.eigs || !result.value.eigs) q.set('qualifiedAt', now.toISOString());
    q.set('volet2Due', result.value.eigs ? volet2DueDate(volet1Day) : null);
    if (readStatus(doc) === 'declare') reviewMap(doc).set('status', 'qualifie');
  });
  return { ok: true, value: readQualification(doc)! };
}

/** The référent's words to the reporter: a blank text is refused, so it never erases what is there. */
export function writeFeedback(
  doc: Y.Doc,
  text: unknown,
  actor: string,
  referents: ReadonlySet<string>,
  now = new Date(),
): Validated<string> {
  if (!referents.has(actor)) return refuseReport('actor', 'errors.referentOnly');
  const result = validate(feedbackSchema, { feedback: text });
  if (!result.ok) return result;
  const { feedback } = result.value;
  doc.transact(() => {
    reviewMap(doc).set('feedback', feedback);
    reviewMap(doc).set('feedbackAt', now.toISOString());
  });
  return { ok: true, value: feedback };
}

/** The anonymised line of the register: a Paris day, severity (confirmed when qualified), status, category. */
export function registerRow(docId: string, doc: Y.Doc): RegisterRow | null {
  const report = readReport(doc);
  if (!report) return null;
  const qualification = readQualification(doc);
  return {
    docId,
    day: parisToday(new Date(report.occurredAt)),
    severity: (qualification?.severity ?? report.severity) as RegisterRow['severity'],
    status: report.status,
    category: qualification?.category ?? null,
    nature: report.nature,
    eigs: qualification?.eigs ?? false,
  };
}

export function observeReport(doc: Y.Doc, onChange: () => void): () => void {
  const maps = [reportMap(doc), reviewMap(doc), qualificationMap(doc)];
  const handler = () => onChange();
  for (const m of maps) m.observe(handler);
  return () => {
    for (const m of maps) m.unobserve(handler);
  };
}

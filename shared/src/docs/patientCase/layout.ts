// Typed read/write over a patient case's Y.Doc. Every collection is a top-level type (`case`, `patient`, `fragility`,
// `team`, `timeline`, `actions`, `access`): two devices that write before they ever synced still merge, never clash.
import type * as Y from 'yjs';
import { readMeta, stampMeta } from '../meta';
import { validate, type Validated } from '../validation';
import { memberIdSchema } from '../../sync/ids';
import {
  caseStatusSchema,
  FRAGILITIES,
  newPatientCaseSchema,
  patientPatchSchema,
  patientSchema,
  type CaseStatus,
  type Fragility,
  type NewPatientCaseInput,
  type Patient,
  type PatientCase,
  type PatientPatch,
} from './schema';
import { readTeam, writeTeamMember } from './team';

export const PATIENT_CASE_LAYOUT_VERSION = 1;

const caseMap = (doc: Y.Doc) => doc.getMap<unknown>('case');
const patientMap = (doc: Y.Doc) => doc.getMap<unknown>('patient');
// A Y.Map used as a set: two colleagues ticking different fragilities at once both win.
const fragilitySet = (doc: Y.Doc) => doc.getMap<true>('fragility');

export const isPatientCase = (doc: Y.Doc): boolean => readMeta(doc).kind === 'patientCase';

/** Lays out a new case: the patient, the creator and the chosen colleagues on the team. Invalid input writes nothing. */
export function createPatientCase(
  doc: Y.Doc,
  input: NewPatientCaseInput | unknown,
  creator: string,
  now = new Date(),
): Validated<{ team: string[] }> {
  if (!memberIdSchema.safeParse(creator).success)
    return { ok: false, errors: [{ field: 'creator', message: 'errors.memberId' }] };
  const result = validate(newPatientCaseSchema, input);
  if (!result.ok) return result;
  const team = [...new Set([creator, ...result.value.team])];
  const at = now.toISOString();
  doc.transact(() => {
    stampMeta(doc, 'patientCase', PATIENT_CASE_LAYOUT_VERSION);
    const c = caseMap(doc);
    c.set('createdBy', creator);
    c.set('createdAt', at);
    c.set('status', 'en_cours');
    c.set('patientInformedAt', at);
    writePatient(doc, result.value.patient);
    for (const memberId of team) writeTeamMember(doc, memberId, creator, at);
  });
  return { ok: true, value: { team } };
}

export function readPatient(doc: Y.Doc): Patient | null {
  const fragility = FRAGILITIES.filter((f) => fragilitySet(doc).has(f));
  const parsed = patientSchema.safeParse({ ...patientMap(doc).toJSON(), fragility });
  return parsed.success ? parsed.data : null;
}

export function readPatientCase(doc: Y.Doc): PatientCase {
  const c = caseMap(doc);
  const status = caseStatusSchema.safeParse(c.get('status'));
  const createdBy = c.get('createdBy');
  const createdAt = c.get('createdAt');
  return {
    status: status.success ? status.data : 'en_cours',
    createdBy: typeof createdBy === 'string' ? createdBy : null,
    createdAt: typeof createdAt === 'string' ? createdAt : null,
    patient: readPatient(doc),
    team: readTeam(doc),
  };
}

/** Validates then writes some of the patient's fields in one transaction; on error nothing is written. */
export function updatePatient(doc: Y.Doc, patch: PatientPatch | unknown): Validated<Partial<Patient>> {
  const result = validate(patientPatchSchema, patch);
  if (result.ok) doc.transact(() => writePatient(doc, result.value));
  return result;
}

export function setFragility(doc: Y.Doc, fragility: Fragility, present: boolean): void {
  if (!FRAGILITIES.includes(fragility)) return;
  if (present) fragilitySet(doc).set(fragility, true);
  else fragilitySet(doc).delete(fragility);
}

export function setCaseStatus(doc: Y.Doc, status: CaseStatus | unknown): Validated<CaseStatus> {
  const result = validate(caseStatusSchema, status);
  if (result.ok) caseMap(doc).set('status', result.value);
  return result;
}

function writePatient(doc: Y.Doc, patch: Partial<Patient>): void {
  const p = patientMap(doc);
  for (const [key, value] of Object.entries(patch)) {
    if (key !== 'fragility' && value !== undefined && p.get(key) !== value) p.set(key, value);
  }
  if (patch.fragility) {
    const wanted = new Set<Fragility>(patch.fragility);
    for (const f of FRAGILITIES) setFragility(doc, f, wanted.has(f));
  }
}

/** Calls back after any change to the case, local or remote (cases are small: a re-read is cheap). */
export function observePatientCase(doc: Y.Doc, onChange: () => void): () => void {
  const handler = () => onChange();
  doc.on('afterTransaction', handler);
  return () => doc.off('afterTransaction', handler);
}

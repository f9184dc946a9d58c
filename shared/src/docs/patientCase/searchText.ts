// What full-text search reads of a patient case: the patient's initials, birth year, commune and pathway, then the
// timeline's notes and decisions and the actions. Only the care team's devices hold a case, so only they can find it
// by its patient; the catalogue, which every member reads, keeps naming it by its neutral reference.
import type * as Y from 'yjs';
import { readActions } from './actions';
import { readPatient } from './layout';
import { readTimeline } from './timeline';

export function patientCaseSearchText(doc: Y.Doc): string {
  const patient = readPatient(doc);
  const lines = [
    patient ? [patient.initials, patient.birthYear, patient.commune, patient.pathway].filter(Boolean).join(' · ') : '',
    ...readTimeline(doc).map((entry) => entry.text),
    ...readActions(doc).map((action) => action.text),
  ];
  return lines.filter((line) => line.trim() !== '').join('\n');
}

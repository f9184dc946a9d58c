// The patient fields as a form holds them (strings, as typed) and their conversion to what the shared schema checks.
import type { Fragility, PatientInput } from '@maillage/shared';

export interface PatientDraft {
  initials: string;
  birthYear: string;
  sex: string;
  commune: string;
  mtStatus: string;
  pathway: string;
  fragility: Fragility[];
}

export const emptyPatientDraft: PatientDraft = {
  initials: '',
  birthYear: '',
  sex: '',
  commune: '',
  mtStatus: '',
  pathway: '',
  fragility: [],
};

/** Blank or non-numeric years become NaN, which the schema refuses with its own message. */
export function patientInputOf(draft: PatientDraft): Record<keyof PatientInput, unknown> {
  return { ...draft, birthYear: /^\s*\d+\s*$/.test(draft.birthYear) ? Number(draft.birthYear) : Number.NaN };
}

export function draftOf(patient: Omit<PatientInput, 'birthYear'> & { birthYear: number }): PatientDraft {
  return {
    initials: patient.initials,
    birthYear: String(patient.birthYear),
    sex: patient.sex,
    commune: patient.commune ?? '',
    mtStatus: patient.mtStatus,
    pathway: patient.pathway ?? '',
    fragility: [...(patient.fragility ?? [])],
  };
}

/** Field errors keyed by the patient's field (« patient.initials » and « initials » both become « initials »). */
export function patientErrors(errors: readonly { field: string; message: string }[]): Record<string, string> {
  return Object.fromEntries(errors.map((e) => [e.field.replace(/^patient\./, ''), e.message]));
}

// The report form's state, and the input it hands to the layout: what the reporter chose, nothing inferred.
import {
  PROFESSIONS,
  type Consequence,
  type EventNature,
  type EventPlace,
  type Profession,
  type ReportInput,
} from '@maillage/shared';
import { nowFields, parisInstant } from './eventTime';

export interface ReportDraft {
  day: string;
  time: string;
  place: EventPlace | null;
  description: string;
  nature: EventNature | null;
  consequences: Consequence | null;
  severity: string | null;
  professions: Profession[];
  immediateMeasures: string;
  informed: 'yes' | 'no' | null;
  informedOn: string;
  reporterName: string;
}

export function emptyDraft(now = new Date()): ReportDraft {
  const { day, time } = nowFields(now);
  return {
    day,
    time,
    place: null,
    description: '',
    nature: null,
    consequences: null,
    severity: null,
    professions: [],
    immediateMeasures: '',
    informed: null,
    informedOn: day,
    reporterName: '',
  };
}

/** Unanswered questions go through as missing, so the schema names each in French. */
export function draftInput(draft: ReportDraft): ReportInput {
  return {
    occurredAt: parisInstant(draft.day, draft.time) ?? '',
    place: draft.place as EventPlace,
    description: draft.description,
    nature: draft.nature as EventNature,
    consequences: draft.consequences as Consequence,
    severity: draft.severity === null ? (undefined as unknown as number) : Number(draft.severity),
    professions: PROFESSIONS.filter((p) => draft.professions.includes(p)),
    immediateMeasures: draft.immediateMeasures,
    patientInformed: draft.informed === null ? (undefined as unknown as boolean) : draft.informed === 'yes',
    patientInformedOn: draft.informed === 'yes' && draft.informedOn ? draft.informedOn : null,
    reporterName: draft.reporterName,
  };
}

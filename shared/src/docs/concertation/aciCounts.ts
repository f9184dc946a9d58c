// What the ACI asks a CPTS to show for a year of concertations: meetings held with a validated compte rendu, cases
// discussed and how many met each criterion, and the professions present at each meeting. Pure: the caller reads
// the meetings from the documents on the device.
import type { Profession } from '../../domain/professions';
import { ACI_CRITERIA, type AciCriterion, type AgendaItem, type Meeting, type Signature } from './schema';

export interface MeetingRecord {
  docId: string;
  meeting: Pick<Meeting, 'date' | 'status' | 'type'>;
  agenda: readonly Pick<AgendaItem, 'caseId' | 'criterion' | 'discussed'>[];
  sheet: readonly Pick<Signature, 'profession'>[];
}

export interface AciCounts {
  year: number;
  /** Meetings of that year whose compte rendu the animateur validated (validée or verrouillée). */
  meetingsHeld: number;
  /** Cases ticked as discussed in those meetings (a case discussed at two meetings counts twice). */
  casesDiscussed: number;
  /** Distinct cases discussed over the year. */
  distinctCases: number;
  perCriterion: Record<AciCriterion, number>;
  /** For each meeting held, by date: how many people of each profession signed the émargement. */
  professionsPerMeeting: { docId: string; date: string; professions: Partial<Record<Profession | string, number>> }[];
}

/** A meeting counts as held once its compte rendu is validated. */
export const HELD_STATUSES: ReadonlySet<string> = new Set(['validee', 'verrouillee']);

export function aciCounts(records: readonly MeetingRecord[], year: number): AciCounts {
  const perCriterion = Object.fromEntries(ACI_CRITERIA.map((c) => [c, 0])) as Record<AciCriterion, number>;
  const held = records
    .filter((r) => HELD_STATUSES.has(r.meeting.status) && r.meeting.date.startsWith(`${year}-`))
    .sort((a, b) => a.meeting.date.localeCompare(b.meeting.date) || a.docId.localeCompare(b.docId));
  let casesDiscussed = 0;
  const cases = new Set<string>();
  const professionsPerMeeting: AciCounts['professionsPerMeeting'] = [];
  for (const record of held) {
    for (const item of record.agenda) {
      if (!item.discussed) continue;
      casesDiscussed++;
      cases.add(item.caseId);
      perCriterion[item.criterion]++;
    }
    const professions: Partial<Record<string, number>> = {};
    for (const { profession } of record.sheet) professions[profession] = (professions[profession] ?? 0) + 1;
    professionsPerMeeting.push({ docId: record.docId, date: record.meeting.date, professions });
  }
  return {
    year,
    meetingsHeld: held.length,
    casesDiscussed,
    distinctCases: cases.size,
    perCriterion,
    professionsPerMeeting,
  };
}

// The compte rendu as structured data: one row per case on the agenda (meeting day and type, the case's neutral
// reference, criterion, presenter, question, time, discussed, decision and actions), as CSV for a spreadsheet or the
// CPAM's request, and as JSON. Decisions come from the cases this device holds (the exporting member's care teams);
// another team's case says its decision is reserved to that team.
import type { AgendaItem, DirectoryMember, Meeting, RcpFiche } from '@maillage/shared';
import { toCsv } from '../../ui/csv';

export const MINUTES_COLUMNS = [
  'date',
  'type',
  'case',
  'criterion',
  'presenter',
  'presenterProfession',
  'question',
  'minutes',
  'discussed',
  'decision',
  'actions',
] as const;
export type MinutesColumn = (typeof MINUTES_COLUMNS)[number];

/** A case's fiche as this device may read it: the fiche, or « reserved » when the case is another team's. */
export type CaseDecision = RcpFiche | 'reserved';

export interface MinutesLabels {
  headers: Record<MinutesColumn, string>;
  type: (type: Meeting['type']) => string;
  criterion: (criterion: AgendaItem['criterion']) => string;
  profession: (profession: string) => string;
  yesNo: (value: boolean) => string;
  unknownMember: string;
  decisionReserved: string;
  decisionPending: string;
}

interface CaseAction {
  text: string;
  owner: string | null;
  due: string | null;
}

export interface MinutesRow {
  date: string;
  type: string;
  case: string;
  criterion: string;
  criterionCode: AgendaItem['criterion'];
  presenter: string;
  presenterProfession: string;
  question: string;
  minutes: number;
  discussed: boolean;
  /** The decision as reported into the case; null when not reported yet or reserved to another team. */
  decision: string | null;
  decisionStatus: 'recorded' | 'pending' | 'reserved';
  actions: CaseAction[];
}

export function minutesRows(
  meeting: Meeting,
  agenda: readonly AgendaItem[],
  members: readonly DirectoryMember[],
  decisions: ReadonlyMap<string, CaseDecision>,
  labels: MinutesLabels,
): MinutesRow[] {
  const byId = new Map(members.map((m) => [m.memberId, m]));
  return agenda.map((item) => {
    const presenter = byId.get(item.presenter);
    const fiche = decisions.get(item.caseId);
    const recorded = fiche && fiche !== 'reserved' && fiche.decided ? fiche : null;
    return {
      date: meeting.date,
      type: labels.type(meeting.type),
      case: item.label,
      criterion: labels.criterion(item.criterion),
      criterionCode: item.criterion,
      presenter: presenter?.name ?? labels.unknownMember,
      presenterProfession: presenter ? labels.profession(presenter.profession) : '',
      question: item.question,
      minutes: item.minutes,
      discussed: item.discussed,
      decision: recorded ? recorded.decision : null,
      decisionStatus: fiche === 'reserved' ? 'reserved' : recorded ? 'recorded' : 'pending',
      actions: (recorded?.actions ?? []).map((a) => ({
        text: a.text,
        owner: a.owner ? (byId.get(a.owner)?.name ?? labels.unknownMember) : null,
        due: a.due,
      })),
    };
  });
}

const actionCell = (a: CaseAction) => [a.text, a.owner ?? '', a.due ?? ''].filter(Boolean).join(' — ');

export function minutesCsv(
  meeting: Meeting,
  agenda: readonly AgendaItem[],
  members: readonly DirectoryMember[],
  labels: MinutesLabels,
  decisions: ReadonlyMap<string, CaseDecision> = new Map(),
): string {
  const rows = minutesRows(meeting, agenda, members, decisions, labels).map((row) => {
    const cells: Record<MinutesColumn, string> = {
      ...row,
      minutes: String(row.minutes),
      discussed: labels.yesNo(row.discussed),
      decision:
        row.decisionStatus === 'reserved'
          ? labels.decisionReserved
          : row.decisionStatus === 'pending'
            ? labels.decisionPending
            : (row.decision ?? ''),
      actions: row.actions.map(actionCell).join(' | '),
    };
    return MINUTES_COLUMNS.map((c) => cells[c]);
  });
  return toCsv([MINUTES_COLUMNS.map((c) => labels.headers[c]), ...rows]);
}

/** The same rows as JSON, with the meeting's details: structured fields a query can read. */
export function minutesJson(
  meetingId: string,
  meeting: Meeting,
  agenda: readonly AgendaItem[],
  members: readonly DirectoryMember[],
  labels: MinutesLabels,
  decisions: ReadonlyMap<string, CaseDecision> = new Map(),
): string {
  const { date, start, end, type, status, validatedAt } = meeting;
  return `${JSON.stringify(
    {
      meeting: { id: meetingId, date, start, end, type, status, validatedAt },
      cases: minutesRows(meeting, agenda, members, decisions, labels),
    },
    null,
    2,
  )}\n`;
}

// The compte rendu as structured data: one CSV row per case on the agenda (meeting day and type, the case's neutral
// reference, criterion, presenter, question, time, discussed), for a spreadsheet or the CPAM's request.
import type { AgendaItem, DirectoryMember, Meeting } from '@maillage/shared';
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
] as const;
export type MinutesColumn = (typeof MINUTES_COLUMNS)[number];

export interface MinutesLabels {
  headers: Record<MinutesColumn, string>;
  type: (type: Meeting['type']) => string;
  criterion: (criterion: AgendaItem['criterion']) => string;
  profession: (profession: string) => string;
  yesNo: (value: boolean) => string;
  unknownMember: string;
}

export function minutesCsv(
  meeting: Meeting,
  agenda: readonly AgendaItem[],
  members: readonly DirectoryMember[],
  labels: MinutesLabels,
): string {
  const byId = new Map(members.map((m) => [m.memberId, m]));
  const rows = agenda.map((item) => {
    const presenter = byId.get(item.presenter);
    const cells: Record<MinutesColumn, string> = {
      date: meeting.date,
      type: labels.type(meeting.type),
      case: item.label,
      criterion: labels.criterion(item.criterion),
      presenter: presenter?.name ?? labels.unknownMember,
      presenterProfession: presenter ? labels.profession(presenter.profession) : '',
      question: item.question,
      minutes: String(item.minutes),
      discussed: labels.yesNo(item.discussed),
    };
    return MINUTES_COLUMNS.map((c) => cells[c]);
  });
  return toCsv([MINUTES_COLUMNS.map((c) => labels.headers[c]), ...rows]);
}

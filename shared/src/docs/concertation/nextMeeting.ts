// « Préparer la prochaine »: the next meeting keeps this one's type, place, bureau and participants (a series' permanent
// participants when it names them); its agenda takes the cases not discussed (same presenter, question, criterion),
// the cases whose decided actions are still open, and the cases whose re-evaluation date falls before it. The date is
// chosen by whoever prepares it; a series proposes its next occurrence.
import type { AgendaItem, AgendaItemInput, Meeting, NewConcertationInput } from './schema';
import type { Series } from './series';

export interface NextMeetingPlan {
  meeting: NewConcertationInput;
  agenda: AgendaItemInput[];
  /** The series the next meeting joins, with the same settings. */
  series: Series | null;
}

export interface NextMeetingOptions {
  series?: Series | null;
  /** Cases of this meeting whose fiche sets a re-evaluation date (read from the cases this device holds). */
  reevaluations?: ReadonlyMap<string, string>;
  /** The question a case due for re-evaluation carries, « Réévaluation prévue le … ». */
  reevaluationQuestion?: (date: string) => string;
}

export function nextMeetingPlan(
  meeting: Meeting,
  agenda: readonly AgendaItem[],
  date: string,
  /** Cases of this meeting whose decided actions are still open (read from the cases this device holds). */
  openActions: ReadonlySet<string>,
  /** The question a follow-up case carries, « Suivi des actions décidées le … ». */
  followUpQuestion: string,
  options: NextMeetingOptions = {},
): NextMeetingPlan {
  const { type, start, end, modality, place, link, coordonnateur, animateur, secretaire } = meeting;
  const series = options.series ?? null;
  const participants = series && series.permanent.length > 0 ? series.permanent : meeting.participants;
  const items = agenda.flatMap((item): AgendaItemInput[] => {
    const { caseId, label, presenter, question, criterion, minutes } = item;
    if (!item.discussed) return [{ caseId, label, presenter, question, criterion, minutes }];
    if (openActions.has(caseId)) return [{ caseId, label, presenter, question: followUpQuestion, criterion, minutes }];
    const due = options.reevaluations?.get(caseId);
    // Due on the next meeting's day or before it: the next meeting is when it is looked at again.
    if (due && due <= date && options.reevaluationQuestion)
      return [{ caseId, label, presenter, question: options.reevaluationQuestion(due), criterion, minutes }];
    return [];
  });
  return {
    meeting: { type, date, start, end, modality, place, link, coordonnateur, animateur, secretaire, participants },
    agenda: items,
    series,
  };
}

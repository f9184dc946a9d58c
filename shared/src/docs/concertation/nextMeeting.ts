// « Préparer la prochaine »: the next meeting keeps this one's type, place, bureau and participants; its agenda takes
// the cases not discussed (same presenter, question, criterion) and the cases whose decided actions are still open,
// which come back to check on them. The new date is chosen by whoever prepares it.
import type { AgendaItem, AgendaItemInput, Meeting, NewConcertationInput } from './schema';

export interface NextMeetingPlan {
  meeting: NewConcertationInput;
  agenda: AgendaItemInput[];
}

export function nextMeetingPlan(
  meeting: Meeting,
  agenda: readonly AgendaItem[],
  date: string,
  /** Cases of this meeting whose decided actions are still open (read from the cases this device holds). */
  openActions: ReadonlySet<string>,
  /** The question a follow-up case carries, « Suivi des actions décidées le … ». */
  followUpQuestion: string,
): NextMeetingPlan {
  const { type, start, end, modality, place, link, coordonnateur, animateur, secretaire, participants } = meeting;
  const items = agenda.flatMap((item): AgendaItemInput[] => {
    const { caseId, label, presenter, question, criterion, minutes } = item;
    if (!item.discussed) return [{ caseId, label, presenter, question, criterion, minutes }];
    if (openActions.has(caseId)) return [{ caseId, label, presenter, question: followUpQuestion, criterion, minutes }];
    return [];
  });
  return {
    meeting: { type, date, start, end, modality, place, link, coordonnateur, animateur, secretaire, participants },
    agenda: items,
  };
}

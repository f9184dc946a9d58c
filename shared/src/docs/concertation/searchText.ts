// What full-text search reads of a meeting: its place and its agenda (each case's neutral label, question and
// criterion code). Never a patient field: the meeting holds none, and fiches are in the cases (decision 0038).
import type * as Y from 'yjs';
import { readAgenda, readMeeting } from './layout';

export function concertationSearchText(doc: Y.Doc): string {
  const meeting = readMeeting(doc);
  if (!meeting) return '';
  const lines = [meeting.place, ...readAgenda(doc).flatMap((item) => [item.label, item.question])];
  return lines.filter((line) => line.trim() !== '').join('\n');
}

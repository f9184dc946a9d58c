// Analyses written before the analysis room existed sit in the report's own document (`alarm.<part>`, `crex`), which
// the reporter's devices receive. A référent's device moves them into the analysis room, then empties them from the
// report, so the reporter's devices stop holding them once they sync (decision 0037).
import type * as Y from 'yjs';
import { ANALYSIS_PARTS, analysisText, readCrexLink } from './analysis';

const legacyText = (report: Y.Doc, part: string): Y.Text => report.getText(`alarm.${part}`);
const legacyCrex = (report: Y.Doc) => report.getMap<unknown>('crex');

/** Whether the report's document still holds an analysis or a CREX link of the old place. */
export const hasLegacyAnalysis = (report: Y.Doc): boolean =>
  ANALYSIS_PARTS.some((p) => legacyText(report, p).length > 0) || legacyCrex(report).size > 0;

/**
 * Moves a report's old analysis into the room: a part the room already has (another référent moved it first) is not
 * copied twice. Returns whether anything was in the report. Call it once the room's copy has synced.
 */
export function moveLegacyAnalysis(report: Y.Doc, room: Y.Doc, reportId: string): boolean {
  if (!hasLegacyAnalysis(report)) return false;
  room.transact(() => {
    for (const part of ANALYSIS_PARTS) {
      const old = legacyText(report, part).toString();
      const target = analysisText(room, reportId, part);
      if (old && target.length === 0) target.insert(0, old);
    }
    const crex = legacyCrex(report).get('concertationId');
    const linkedAt = legacyCrex(report).get('linkedAt');
    if (typeof crex === 'string' && !readCrexLink(room, reportId))
      room.getMap<unknown>('crex').set(reportId, {
        concertationId: crex,
        linkedAt: typeof linkedAt === 'string' ? linkedAt : new Date(0).toISOString(),
      });
  });
  report.transact(() => {
    for (const part of ANALYSIS_PARTS) {
      const old = legacyText(report, part);
      if (old.length > 0) old.delete(0, old.length);
    }
    for (const key of [...legacyCrex(report).keys()]) legacyCrex(report).delete(key);
  });
  return true;
}

// Whether a room holds an adverse-event report and nothing else: what lets a report sent before rooms had a kind (a
// care team's room then) become a report's room at its reporter's request (decision 0042). Read from the stored
// bytes alone; a care team's room that ever held anything but a report's parts cannot pass, since Yjs keeps every
// top-level name that was ever written.
import * as Y from 'yjs';

/** The top-level names of a report's document (decision 0032), and of an analysis an earlier version wrote in it. */
const REPORT_ROOTS = new Set(['meta', 'report', 'review', 'qualification', 'crex']);
const isReportRoot = (name: string) => REPORT_ROOTS.has(name) || name.startsWith('alarm.');

export function holdsOnlyAReport(history: readonly Uint8Array[]): boolean {
  if (history.length === 0) return false;
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, Y.mergeUpdates([...history]));
    return doc.getMap<unknown>('meta').get('kind') === 'adverseEvent' && [...doc.share.keys()].every(isReportRoot);
  } catch {
    return false;
  } finally {
    doc.destroy();
  }
}

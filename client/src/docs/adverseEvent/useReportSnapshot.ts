// A report's doc read as plain values after every change (the reporter's, a référent's): components never read the Y.Doc.
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import {
  isAdverseEvent,
  observeReport,
  readFeedback,
  readQualification,
  readReport,
  type QualificationRecord,
  type Report,
} from '@maillage/shared';

export interface ReportSnapshot {
  report: Report;
  qualification: QualificationRecord | null;
  feedback: { text: string; at: string } | null;
}

const read = (doc: Y.Doc): ReportSnapshot | null => {
  const report = isAdverseEvent(doc) ? readReport(doc) : null;
  return report ? { report, qualification: readQualification(doc), feedback: readFeedback(doc) } : null;
};

export function useReportSnapshot(doc: Y.Doc | null): ReportSnapshot | null {
  const [snapshot, setSnapshot] = useState<ReportSnapshot | null>(null);
  useEffect(() => {
    setSnapshot(null);
    if (!doc) return;
    const update = () => setSnapshot(read(doc));
    update();
    return observeReport(doc, update);
  }, [doc]);
  return snapshot;
}

// The case as plain values, re-read after every change (local or a colleague's): components never read the Y.Doc.
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import {
  isPatientCase,
  observePatientCase,
  readActions,
  readPatientCase,
  readTimeline,
  type CaseAction,
  type PatientCase,
  type TimelineEntry,
} from '@maillage/shared';

export interface CaseSnapshot extends PatientCase {
  isCase: boolean;
  timeline: TimelineEntry[];
  actions: CaseAction[];
}

const read = (doc: Y.Doc): CaseSnapshot => ({
  ...readPatientCase(doc),
  isCase: isPatientCase(doc),
  timeline: readTimeline(doc),
  actions: readActions(doc),
});

export function useCaseSnapshot(doc: Y.Doc | null): CaseSnapshot | null {
  const [snapshot, setSnapshot] = useState<CaseSnapshot | null>(() => (doc ? read(doc) : null));
  useEffect(() => {
    if (!doc) return setSnapshot(null);
    setSnapshot(read(doc));
    return observePatientCase(doc, () => setSnapshot(read(doc)));
  }, [doc]);
  return snapshot;
}

// The reports this device holds: the ones made here (their reporter's view) and, on a référent's device, every report
// the change feed brought (their rooms admit référents). A référent's device also writes each report's anonymised row
// into the register; the reporter's device never writes it (decision 0032).
import { useEffect, useState } from 'react';
import { liveQuery } from 'dexie';
import {
  isAdverseEvent,
  isWellKnownDoc,
  readFeedback,
  readQualification,
  readReport,
  registerRow,
  writeRegisterRow,
  type QualificationRecord,
  type RegisterRow,
  type Report,
} from '@maillage/shared';
import { docStore } from '../../store/docStore';
import { listFetchedDocs, listMyReports, type MyReport } from '../../store/myReports';
import { useDeviceRevision } from '../../sync/background/deviceRevision';
import { useCatalogue } from '../catalogue/useCatalogue';
import { useGroups } from '../groups/GroupsContext';
import { useWorkspace } from '../../workspace/WorkspaceContext';
import { onReportsChanged } from './reportEvents';

export interface ReportOnDevice {
  docId: string;
  report: Report;
  qualification: QualificationRecord | null;
  feedback: { text: string; at: string } | null;
  row: RegisterRow;
  /** Made on this device: sent, or « en attente d'envoi ». */
  mine: MyReport | null;
}

type Read = Omit<ReportOnDevice, 'mine'> | null;

/** What each copy said at its last stored update: a copy is opened again only when it changed (or this tab wrote). */
const cache = new Map<string, { seq: number; read: Read }>();

/** One report as this device holds it, or null (not a report); read again only when its copy changed. */
export async function readReportOnDevice(workspaceId: string, docId: string): Promise<Read> {
  const key = `${workspaceId}/${docId}`;
  const seq = await docStore.latestSeq(workspaceId, docId);
  const known = cache.get(key);
  if (known && known.seq === seq) return known.read;
  const doc = await docStore.acquire(workspaceId, docId);
  try {
    const report = isAdverseEvent(doc) ? readReport(doc) : null;
    const row = report ? registerRow(docId, doc) : null;
    const read: Read =
      report && row ? { docId, report, qualification: readQualification(doc), feedback: readFeedback(doc), row } : null;
    cache.set(key, { seq, read });
    return read;
  } finally {
    await docStore.release(workspaceId, docId);
  }
}

/** Written in this tab: the stored update may not be there yet, so nothing cached is trusted. */
export const forgetReadReports = (): void => cache.clear();

/** A report this member made on another of their devices: it reached the relay, since the feed brought it here. */
const sentFromElsewhere = (read: NonNullable<Read>, memberId: string): MyReport | null =>
  read.report.reportedBy === memberId
    ? { docId: read.docId, nonce: '', createdAt: read.report.reportedAt, sent: true }
    : null;

export function useReportsOnDevice(workspaceId: string, isReferent: boolean): ReportOnDevice[] | null {
  const { allItems } = useCatalogue(workspaceId);
  const { governance } = useGroups();
  const { memberId } = useWorkspace();
  const revision = useDeviceRevision();
  const [mine, setMine] = useState<MyReport[] | null>(null);
  const [reports, setReports] = useState<ReportOnDevice[] | null>(null);
  const [changed, setChanged] = useState(0);

  useEffect(() => {
    const subscription = liveQuery(() => listMyReports(workspaceId)).subscribe({ next: setMine });
    const off = onReportsChanged(() => {
      forgetReadReports();
      setChanged((n) => n + 1);
    });
    return () => {
      subscription.unsubscribe();
      off();
    };
  }, [workspaceId]);

  useEffect(() => {
    if (!mine) return;
    let cancelled = false;
    const inCatalogue = new Set(allItems.map((item) => item.docId));
    void (async () => {
      const byId = new Map(mine.map((m) => [m.docId, m]));
      // Reports are in no catalogue: they are the fetched documents the catalogue does not list (every report on a
      // référent's device; on the reporter's other devices, their own).
      const fetched = await listFetchedDocs(workspaceId);
      const ids = new Set([...byId.keys(), ...fetched.filter((id) => !inCatalogue.has(id) && !isWellKnownDoc(id))]);
      const found: ReportOnDevice[] = [];
      for (const docId of ids) {
        const one = await readReportOnDevice(workspaceId, docId);
        if (one) found.push({ ...one, mine: byId.get(docId) ?? sentFromElsewhere(one, memberId) });
      }
      if (cancelled) return;
      found.sort((a, b) => b.report.occurredAt.localeCompare(a.report.occurredAt));
      setReports(found);
      if (isReferent && governance)
        governance.doc.transact(() => {
          for (const one of found) if (!one.mine || one.mine.sent) writeRegisterRow(governance.doc, one.row);
        });
    })();
    return () => {
      cancelled = true;
    };
  }, [workspaceId, memberId, isReferent, mine, allItems, governance, revision, changed]);

  return reports;
}

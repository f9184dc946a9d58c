// The reports this device holds: the ones made here (their reporter's view) and, on a référent's device, every report
// the change feed brought (their rooms admit référents). A référent's device also writes each report's anonymised row
// into the register; the reporter's device never writes it (decision 0032).
import { useEffect, useRef, useState } from 'react';
import { liveQuery } from 'dexie';
import {
  hasLegacyAnalysis,
  isAdverseEvent,
  isWellKnownDoc,
  readFeedback,
  readQualification,
  readReport,
  registerRow,
  writeRegisterRow,
  type RegisterRow,
} from '@maillage/shared';
import { docStore } from '../../store/docStore';
import { listFetchedDocs, listMyReports, type MyReport } from '../../store/myReports';
import { useDeviceRevision } from '../../sync/background/deviceRevision';
import { useCatalogue } from '../catalogue/useCatalogue';
import { useGroups } from '../groups/GroupsContext';
import { useWorkspace } from '../../workspace/WorkspaceContext';
import { onReportsChanged } from './reportEvents';
import { rowsOf } from './useRegister';
import {
  changedSince,
  latestUpdate,
  loadSummaries,
  storeSummaries,
  withoutText,
  type ReportRead,
  type Summaries,
} from './reportReads';

export interface ReportOnDevice extends ReportRead {
  /** Made on this device: sent, or « en attente d'envoi ». */
  mine: MyReport | null;
}

type Read = ReportRead | null;

/** What each copy said at its last stored update, by workspace: a copy is opened again only when it changed. */
const cache = new Map<string, Summaries>();
/** The summaries being loaded: the home and the events screen reading at once load them once. */
const loading = new Map<string, Promise<Summaries>>();

async function summariesOf(workspaceId: string): Promise<Summaries> {
  const known = cache.get(workspaceId);
  if (known) return known;
  let load = loading.get(workspaceId);
  if (!load) {
    load = loadSummaries(workspaceId);
    loading.set(workspaceId, load);
  }
  const loaded = await load;
  if (loading.get(workspaceId) === load) loading.delete(workspaceId);
  // Another reader may have put them in the cache meanwhile: the first one stays.
  const kept = cache.get(workspaceId) ?? loaded;
  cache.set(workspaceId, kept);
  return kept;
}

async function readCopy(workspaceId: string, docId: string): Promise<Read> {
  const doc = await docStore.acquire(workspaceId, docId);
  try {
    const report = isAdverseEvent(doc) ? readReport(doc) : null;
    const row = report ? registerRow(docId, doc) : null;
    return report && row
      ? {
          docId,
          report,
          qualification: readQualification(doc),
          feedback: readFeedback(doc),
          row,
          legacyAnalysis: hasLegacyAnalysis(doc),
        }
      : null;
  } finally {
    await docStore.release(workspaceId, docId);
  }
}

/** A few reports read from their copies, with no summary (this device's own, as a screen opens), all at once. */
export async function readCopies(workspaceId: string, docIds: readonly string[]): Promise<ReportRead[]> {
  const reads = await Promise.all(docIds.map((docId) => readCopy(workspaceId, docId)));
  return reads.filter((read) => read !== null);
}

/** Whether the register already holds this row as the report's copy gives it. */
const sameRow = (held: RegisterRow | undefined, row: RegisterRow) =>
  held !== undefined &&
  held.day === row.day &&
  held.severity === row.severity &&
  held.status === row.status &&
  held.category === row.category &&
  (held.nature ?? null) === (row.nature ?? null) &&
  (held.eigs ?? null) === (row.eigs ?? null);

/**
 * The reports among these documents, as this device holds them: only the copies with updates stored since their
 * summary are opened (none when the device stored nothing since; else found from the updates stored since, or, after
 * many, from one pass over the index); the summaries are kept for the next reload.
 */
export async function readReportsOnDevice(workspaceId: string, docIds: readonly string[]): Promise<ReportRead[]> {
  const known = await summariesOf(workspaceId);
  const latest = await latestUpdate();
  const missing = docIds.filter((docId) => !known.byDoc.has(docId));
  let seqs = new Map<string, number>();
  if (latest !== known.upTo)
    seqs = (await changedSince(workspaceId, known.upTo)) ?? (await docStore.latestSeqs(workspaceId, docIds));
  if (missing.length > 0)
    for (const [docId, seq] of await docStore.latestSeqs(workspaceId, missing)) seqs.set(docId, seq);
  let changed = latest !== known.upTo;
  known.upTo = latest;
  const found: ReportRead[] = [];
  for (const docId of docIds) {
    let summary = known.byDoc.get(docId);
    const seq = seqs.get(docId);
    if (!summary || (seq !== undefined && seq !== summary.seq)) {
      const read = await readCopy(workspaceId, docId);
      summary = { seq: seq ?? summary?.seq ?? 0, read: read && withoutText(read) };
      known.byDoc.set(docId, summary);
      changed = true;
    }
    if (summary.read) found.push(summary.read);
  }
  if (changed) await storeSummaries(workspaceId, known);
  return found;
}

/** Written in this tab: its stored update may not be there yet, so its summary is not trusted (all, with no id). */
export function forgetReadReports(docId?: string): void {
  loading.clear();
  if (docId === undefined) return cache.clear();
  for (const known of cache.values()) known.byDoc.delete(docId);
}

/** A report this member made on another of their devices: it reached the relay, since the feed brought it here. */
const sentFromElsewhere = (read: ReportRead, memberId: string): MyReport | null =>
  read.report.reportedBy === memberId
    ? { docId: read.docId, nonce: '', createdAt: read.report.reportedAt, sent: true }
    : null;

/** The latest event first. */
const byDate = (list: ReportOnDevice[]) => list.sort((a, b) => b.report.occurredAt.localeCompare(a.report.occurredAt));

export function useReportsOnDevice(workspaceId: string, isReferent: boolean): ReportOnDevice[] | null {
  const { allItems } = useCatalogue(workspaceId);
  const { governance } = useGroups();
  const { memberId } = useWorkspace();
  const revision = useDeviceRevision();
  const [mine, setMine] = useState<MyReport[] | null>(null);
  const [reports, setReports] = useState<ReportOnDevice[] | null>(null);
  const [changed, setChanged] = useState(0);
  const shown = useRef(false);
  /** This device's own reports were listed with their list's first reading, before any other. */
  const ownListed = useRef(false);

  useEffect(() => {
    let closed = false;
    let latest: MyReport[] = [];
    let readingOwn = false;
    const subscription = liveQuery(() => listMyReports(workspaceId)).subscribe({
      next: (list) => {
        latest = list;
        // The read under way gives the newest list when it ends.
        if (readingOwn) return;
        if (shown.current || ownListed.current || list.length === 0) return setMine(list);
        // On opening, this device's own reports (a report just saved among them) are read as soon as their list
        // is, and shown in the same render as it, not one render later.
        readingOwn = true;
        const byId = new Map(list.map((m) => [m.docId, m]));
        void readCopies(workspaceId, [...byId.keys()])
          .catch(() => null)
          .then((own) => {
            readingOwn = false;
            if (closed) return;
            if (own) {
              ownListed.current = true;
              setReports((current) => current ?? byDate(own.map((one) => ({ ...one, mine: byId.get(one.docId)! }))));
            }
            setMine(latest);
          });
      },
    });
    const off = onReportsChanged((docId) => {
      forgetReadReports(docId);
      setChanged((n) => n + 1);
    });
    return () => {
      closed = true;
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
      // On opening, this device's own reports first (a report just saved is listed at once), read from their copies
      // unless their list's first reading did: a référent's thousand others follow.
      if (!shown.current && !ownListed.current && byId.size > 0) {
        const own = await readCopies(workspaceId, [...byId.keys()]);
        if (cancelled) return;
        setReports(byDate(own.map((one) => ({ ...one, mine: byId.get(one.docId)! }))));
      }
      // The screen paints first (the register, this device's own reports); the summaries of a référent's thousand
      // reports are read after that frame rather than compete with it.
      if (!shown.current) await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      if (cancelled) return;
      // Reports are in no catalogue: they are the fetched documents the catalogue does not list (every report on a
      // référent's device; on the reporter's other devices, their own).
      const fetched = await listFetchedDocs(workspaceId);
      const ids = new Set([...byId.keys(), ...fetched.filter((id) => !inCatalogue.has(id) && !isWellKnownDoc(id))]);
      const found: ReportOnDevice[] = (await readReportsOnDevice(workspaceId, [...ids])).map((one) => ({
        ...one,
        mine: byId.get(one.docId) ?? sentFromElsewhere(one, memberId),
      }));
      if (cancelled) return;
      shown.current = true;
      setReports(byDate(found));
      if (isReferent && governance) {
        // Compared with the rows the register screen already read: only the rows that changed are checked and written.
        const held = new Map(rowsOf(governance.doc).map((row) => [row.docId, row]));
        const stale = found.filter((one) => (!one.mine || one.mine.sent) && !sameRow(held.get(one.docId), one.row));
        if (stale.length > 0)
          governance.doc.transact(() => {
            for (const one of stale) writeRegisterRow(governance.doc, one.row);
          });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [workspaceId, memberId, isReferent, mine, allItems, governance, revision, changed]);

  return reports;
}

// Sends the reports made on this device as soon as the relay can be reached, with no screen open: the room's list
// first ({reporter, référents}, with the nonce), the content only once the relay holds it, then « envoyé ».
import { useEffect, useRef } from 'react';
import { docStore } from '../../store/docStore';
import { listMyReports, markReportSent } from '../../store/myReports';
import { DocSync } from '../../sync/docSync';
import { useProfile } from '../../workspace/ProfileContext';
import { useWorkspace } from '../../workspace/WorkspaceContext';
import { ensureReportList, reportRelayCalls } from './reportList';
import { onReportsChanged, reportsChanged } from './reportEvents';
import { useQualityReferents } from './useQualityReferents';

const RESCAN_MS = 30_000;

export default function ReportSender({ workspaceId }: { workspaceId: string }) {
  const workspace = useWorkspace();
  const profile = useProfile();
  const referents = useQualityReferents();
  const row = useRef(workspace);
  row.current = workspace;
  const { memberId, token } = workspace;
  const known = referents.join();

  useEffect(() => {
    const running = new Map<string, () => void>();
    let stopped = false;
    const wanted = known ? known.split(',') : [];
    const send = async (docId: string, nonce: string) => {
      running.set(docId, () => running.delete(docId));
      const doc = await docStore.acquire(workspaceId, docId);
      let sync: DocSync | null = null;
      const stop = () => {
        running.delete(docId);
        sync?.destroy();
        void docStore.release(workspaceId, docId);
      };
      running.set(docId, stop);
      try {
        const link = reportRelayCalls(() => row.current, docId, nonce);
        const outcome = await ensureReportList(link, memberId, wanted);
        if (stopped || outcome !== 'listed') return stop();
      } catch {
        return stop(); // Unreachable: tried again when the network returns.
      }
      sync = new DocSync(workspaceId, docId, doc, profile, token, 0, memberId);
      // Synced means the relay answered with this device's content: the report is on the relay.
      sync.subscribe(() => {
        if (sync?.current.state !== 'synced') return;
        stop();
        void markReportSent(workspaceId, docId).then(() => reportsChanged(docId));
      });
    };
    // Sent reports' lists are checked once per set of référents: a référent named or removed since is followed.
    const aligned = new Set<string>();
    const align = async (docId: string) => {
      aligned.add(docId);
      try {
        await ensureReportList(
          reportRelayCalls(() => row.current, docId),
          memberId,
          wanted,
        );
      } catch {
        aligned.delete(docId); // Unreachable: tried again on the next round.
      }
    };
    const run = async () => {
      for (const report of await listMyReports(workspaceId)) {
        if (stopped || !navigator.onLine) return;
        if (!report.sent && !running.has(report.docId)) void send(report.docId, report.nonce);
        if (report.sent && wanted.length > 0 && !aligned.has(report.docId)) void align(report.docId);
      }
    };
    const onOnline = () => void run();
    window.addEventListener('online', onOnline);
    const offChanged = onReportsChanged(onOnline);
    const timer = setInterval(onOnline, RESCAN_MS);
    void run();
    return () => {
      stopped = true;
      clearInterval(timer);
      offChanged();
      window.removeEventListener('online', onOnline);
      for (const stop of [...running.values()]) stop();
    };
  }, [workspaceId, memberId, token, profile, known]);

  return null;
}

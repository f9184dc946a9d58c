// On a référent's device, the analyses an earlier version wrote in the reports themselves are moved into the analysis
// room, one report at a time, whether or not anyone opens that report (decision 0042): the reporter's devices then stop
// receiving them. Both copies are synced first, as the report screen does, so a part another référent moved already
// is not copied twice. Renders nothing.
import { useEffect, useRef, useState } from 'react';
import { moveLegacyAnalysis } from '@maillage/shared';
import { useSyncedDoc } from '../../sync/useSyncedDoc';
import { useAnalysisRoom } from './useAnalysisRoom';
import { reportsChanged } from './reportEvents';

interface MoveProps {
  workspaceId: string;
  reportId: string;
  roomId: string;
  onMoved: () => void;
}

function MoveOne({ workspaceId, reportId, roomId, onMoved }: MoveProps) {
  const report = useSyncedDoc(workspaceId, reportId);
  const room = useSyncedDoc(workspaceId, roomId);
  const done = useRef(false);
  useEffect(() => {
    if (!report || !room) return;
    const attempt = () => {
      if (done.current) return;
      // A copy that cannot sync (the report's list no longer holds this référent) is left for the next session.
      if (report.sync.current.state === 'error' || room.sync.current.state === 'error') {
        done.current = true;
        return onMoved();
      }
      if (report.sync.current.state !== 'synced' || room.sync.current.state !== 'synced') return;
      done.current = true;
      // The deletion leaves on the report's open socket as it is made; the list reads the copy again.
      moveLegacyAnalysis(report.doc, room.doc, reportId);
      reportsChanged(reportId);
      onMoved();
    };
    const offReport = report.sync.subscribe(attempt);
    const offRoom = room.sync.subscribe(attempt);
    attempt();
    return () => {
      offReport();
      offRoom();
    };
  }, [report, room, reportId, onMoved]);
  return null;
}

/** `reportIds`: the reports whose copy still holds an old analysis; each is tried once per opening of the screen. */
export function LegacyAnalysisMover({ workspaceId, reportIds }: { workspaceId: string; reportIds: readonly string[] }) {
  const room = useAnalysisRoom();
  const [moved, setMoved] = useState<ReadonlySet<string>>(new Set());
  const next = reportIds.find((id) => !moved.has(id));
  if (room.state !== 'ready' || !next) return null;
  return (
    <MoveOne
      key={next}
      workspaceId={workspaceId}
      reportId={next}
      roomId={room.docId}
      onMoved={() => setMoved((done) => new Set([...done, next]))}
    />
  );
}

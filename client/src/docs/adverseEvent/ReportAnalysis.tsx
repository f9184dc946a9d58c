// The référents' part of a report: its ALARM analysis and its CREX, read and written in the analysis room (never the
// report's own document, which the reporter's devices receive). An analysis an earlier version wrote in the report is
// moved there once the room's copy has synced.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { moveLegacyAnalysis, type RegisterRow } from '@maillage/shared';
import { useSyncedDoc } from '../../sync/useSyncedDoc';
import { AlarmAnalysis } from './AlarmAnalysis';
import { CrexLink } from './CrexLink';
import { useAnalysisRoom } from './useAnalysisRoom';

interface Props {
  workspaceId: string;
  report: Y.Doc;
  row: RegisterRow;
  me: string;
  referents: ReadonlySet<string>;
}

function InRoom({ roomId, ...props }: Props & { roomId: string }) {
  const { t } = useTranslation();
  const opened = useSyncedDoc(props.workspaceId, roomId);
  const { report, row } = props;
  useEffect(() => {
    if (!opened) return;
    const { sync, doc } = opened;
    const move = () => {
      if (sync.current.state === 'synced') moveLegacyAnalysis(report, doc, row.docId);
    };
    move();
    return sync.subscribe(move);
  }, [opened, report, row.docId]);
  if (!opened) return <p role="status">{t('adverse.analysis.opening')}</p>;
  return (
    <>
      <AlarmAnalysis doc={opened.doc} reportId={row.docId} />
      <CrexLink workspaceId={props.workspaceId} room={opened.doc} row={row} me={props.me} referents={props.referents} />
    </>
  );
}

export function ReportAnalysis(props: Props) {
  const { t } = useTranslation();
  const room = useAnalysisRoom();
  if (room.state === 'ready') return <InRoom {...props} roomId={room.docId} />;
  return (
    <p role="status" className="muted">
      {t(`adverse.analysis.room.${room.state}`)}
    </p>
  );
}

// Opens a concertation for a screen and reads it as plain values after every change (local or a colleague's):
// components never read the Y.Doc.
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import {
  CONCERTATION_LAYOUT_VERSION,
  isConcertation,
  observeConcertation,
  readAgenda,
  readAttendance,
  readMeeting,
  readMeta,
  readSheet,
  type AgendaItem,
  type Attendance,
  type Meeting,
  type Signature,
} from '@maillage/shared';
import { useSyncedDoc, type SyncedDoc } from '../../sync/useSyncedDoc';

export interface ConcertationSnapshot {
  meeting: Meeting;
  agenda: AgendaItem[];
  attendance: Attendance[];
  sheet: Signature[];
}

export type Readiness = 'waiting' | 'ready' | 'newer';

const read = (doc: Y.Doc): ConcertationSnapshot | null => {
  const meeting = readMeeting(doc);
  return meeting ? { meeting, agenda: readAgenda(doc), attendance: readAttendance(doc), sheet: readSheet(doc) } : null;
};

export function useConcertation(
  workspaceId: string,
  docId: string,
): { opened: SyncedDoc | null; snapshot: ConcertationSnapshot | null; ready: Readiness } {
  const opened = useSyncedDoc(workspaceId, docId);
  const [snapshot, setSnapshot] = useState<ConcertationSnapshot | null>(null);
  const [ready, setReady] = useState<Readiness>('waiting');
  useEffect(() => {
    setSnapshot(null);
    setReady('waiting');
    if (!opened) return;
    const update = () => {
      if (!isConcertation(opened.doc)) return;
      if (readMeta(opened.doc).layoutVersion > CONCERTATION_LAYOUT_VERSION) return setReady('newer');
      setSnapshot(read(opened.doc));
      setReady('ready');
    };
    update();
    return observeConcertation(opened.doc, update);
  }, [opened]);
  return { opened, snapshot, ready };
}

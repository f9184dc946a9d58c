// Reads a concertation the gate let the screen show as plain values after every change (local or a colleague's):
// components never read the Y.Doc.
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import {
  CONCERTATION_LAYOUT_VERSION,
  isConcertation,
  isShortConcertation,
  observeConcertation,
  readAgenda,
  readAttendance,
  readMeeting,
  readMeta,
  readSeries,
  readSessionCurrent,
  readSheet,
  type AgendaItem,
  type Attendance,
  type Meeting,
  type Series,
  type SessionCurrent,
  type Signature,
} from '@maillage/shared';

export interface ConcertationSnapshot {
  meeting: Meeting;
  agenda: AgendaItem[];
  attendance: Attendance[];
  sheet: Signature[];
  /** The series this meeting belongs to, with the charte's rules. */
  series: Series | null;
  /** « En séance »: the case being discussed now, for everyone. */
  current: SessionCurrent | null;
  /** A « concertation courte », recorded from a coordination file. */
  short: boolean;
}

export type Readiness = 'waiting' | 'ready' | 'newer';

const read = (doc: Y.Doc): ConcertationSnapshot | null => {
  const meeting = readMeeting(doc);
  return meeting
    ? {
        meeting,
        agenda: readAgenda(doc),
        attendance: readAttendance(doc),
        sheet: readSheet(doc),
        series: readSeries(doc),
        current: readSessionCurrent(doc),
        short: isShortConcertation(doc),
      }
    : null;
};

export function useConcertation(doc: Y.Doc | null): { snapshot: ConcertationSnapshot | null; ready: Readiness } {
  const [snapshot, setSnapshot] = useState<ConcertationSnapshot | null>(null);
  const [ready, setReady] = useState<Readiness>('waiting');
  useEffect(() => {
    setSnapshot(null);
    setReady('waiting');
    if (!doc) return;
    const update = () => {
      if (!isConcertation(doc)) return;
      if (readMeta(doc).layoutVersion > CONCERTATION_LAYOUT_VERSION) return setReady('newer');
      setSnapshot(read(doc));
      setReady('ready');
    };
    update();
    return observeConcertation(doc, update);
  }, [doc]);
  return { snapshot, ready };
}

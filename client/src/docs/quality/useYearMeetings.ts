// The concertations of a year as the dashboard counts them, read from IndexedDB (never the relay): each meeting's
// counts' inputs (date, status, agenda's criteria, émargement's professions), kept per copy so that only the meetings
// that changed are decoded again (meetingReads.ts).
import { useEffect, useMemo, useState } from 'react';
import type { CatalogueItem, MeetingRecord } from '@maillage/shared';
import { meetingsReadInTab, readMeetingsOnDevice } from './meetingReads';

const parsed = (key: string) =>
  key
    ? key.split(',').map((k) => {
        const [docId = '', status = ''] = k.split(':');
        return { docId, status };
      })
    : [];

export function useYearMeetings(
  workspaceId: string,
  items: readonly CatalogueItem[],
  year: number,
): MeetingRecord[] | null {
  // A meeting's status in the catalogue changes when its compte rendu is validated: the key follows it.
  const key = items
    .filter((i) => i.kind === 'concertation' && !i.deletedAt && i.meetingDate?.startsWith(`${year}-`))
    .map((i) => `${i.docId}:${i.status}`)
    .join(',');
  const [records, setRecords] = useState<{ key: string; records: MeetingRecord[] } | null>(null);
  useEffect(() => {
    let cancelled = false;
    void readMeetingsOnDevice(workspaceId, parsed(key)).then((found) => {
      if (!cancelled) setRecords({ key: `${year}/${key}`, records: found });
    });
    return () => {
      cancelled = true;
    };
  }, [workspaceId, key, year]);
  const current = records?.key === `${year}/${key}` ? records.records : null;
  // Opened again in this tab (or another year chosen again): what it last read shows at once, while the copies are
  // checked.
  const readInTab = useMemo(
    () => (current ? null : meetingsReadInTab(workspaceId, parsed(key))),
    [current, workspaceId, key],
  );
  return current ?? readInTab;
}

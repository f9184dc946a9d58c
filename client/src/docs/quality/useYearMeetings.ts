// The concertations of a year as the dashboard counts them, read from IndexedDB (never the relay): each meeting's
// counts' inputs (date, status, agenda's criteria, émargement's professions), kept per copy so that only the meetings
// that changed are decoded again (meetingReads.ts).
import { useEffect, useState } from 'react';
import type { CatalogueItem, MeetingRecord } from '@maillage/shared';
import { readMeetingsOnDevice } from './meetingReads';

export function useYearMeetings(
  workspaceId: string,
  items: readonly CatalogueItem[],
  year: number,
): MeetingRecord[] | null {
  const [records, setRecords] = useState<{ key: string; records: MeetingRecord[] } | null>(null);
  // A meeting's status in the catalogue changes when its compte rendu is validated: the key follows it.
  const key = items
    .filter((i) => i.kind === 'concertation' && !i.deletedAt && i.meetingDate?.startsWith(`${year}-`))
    .map((i) => `${i.docId}:${i.status}`)
    .join(',');
  useEffect(() => {
    let cancelled = false;
    const wanted = key
      ? key.split(',').map((k) => {
          const [docId = '', status = ''] = k.split(':');
          return { docId, status };
        })
      : [];
    void readMeetingsOnDevice(workspaceId, wanted).then((found) => {
      if (!cancelled) setRecords({ key: `${year}/${key}`, records: found });
    });
    return () => {
      cancelled = true;
    };
  }, [workspaceId, key, year]);
  return records?.key === `${year}/${key}` ? records.records : null;
}

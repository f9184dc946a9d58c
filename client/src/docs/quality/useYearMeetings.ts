// The concertations of a year as the dashboard counts them: each meeting of that year is read from IndexedDB (never
// the relay), its record kept (date, status, agenda's criteria, émargement's professions), and the document let go.
import { useEffect, useState } from 'react';
import { readAgenda, readMeeting, readSheet, type CatalogueItem, type MeetingRecord } from '@maillage/shared';
import { docStore } from '../../store/docStore';

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
    void (async () => {
      const found: MeetingRecord[] = [];
      for (const docId of key ? key.split(',').map((k) => k.split(':')[0]!) : []) {
        const doc = await docStore.acquire(workspaceId, docId);
        try {
          const meeting = readMeeting(doc);
          if (meeting) found.push({ docId, meeting, agenda: readAgenda(doc), sheet: readSheet(doc) });
        } finally {
          await docStore.release(workspaceId, docId);
        }
      }
      if (!cancelled) setRecords({ key: `${year}/${key}`, records: found });
    })();
    return () => {
      cancelled = true;
    };
  }, [workspaceId, key, year]);
  return records?.key === `${year}/${key}` ? records.records : null;
}

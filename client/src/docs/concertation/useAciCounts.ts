// The year's ACI counts from the concertations on this device: each meeting of that year is read from IndexedDB
// (never the relay), counted, and let go.
import { useEffect, useState } from 'react';
import {
  aciCounts,
  readAgenda,
  readMeeting,
  readSheet,
  type AciCounts,
  type CatalogueItem,
  type MeetingRecord,
} from '@maillage/shared';
import { docStore } from '../../store/docStore';

export function useAciCounts(workspaceId: string, items: readonly CatalogueItem[], year: number): AciCounts | null {
  const [counts, setCounts] = useState<AciCounts | null>(null);
  const ids = items
    .filter((i) => i.kind === 'concertation' && !i.deletedAt && i.meetingDate?.startsWith(`${year}-`))
    .map((i) => `${i.docId}:${i.status}`)
    .join(',');
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const records: MeetingRecord[] = [];
      for (const docId of ids ? ids.split(',').map((k) => k.split(':')[0]!) : []) {
        const doc = await docStore.acquire(workspaceId, docId);
        try {
          const meeting = readMeeting(doc);
          if (meeting) records.push({ docId, meeting, agenda: readAgenda(doc), sheet: readSheet(doc) });
        } finally {
          await docStore.release(workspaceId, docId);
        }
      }
      if (!cancelled) setCounts(aciCounts(records, year));
    })();
    return () => {
      cancelled = true;
    };
  }, [workspaceId, ids, year]);
  return counts;
}

// The year's ACI counts from the concertations on this device: each meeting of that year is read from IndexedDB
// (never the relay), counted, and let go.
import { useEffect, useState } from 'react';
import { aciCounts, type AciCounts, type CatalogueItem } from '@maillage/shared';
import { docStore } from '../../store/docStore';
import { readMeetingRecords } from './readMeetingRecords';

export function useAciCounts(workspaceId: string, items: readonly CatalogueItem[], year: number): AciCounts | null {
  const [counts, setCounts] = useState<AciCounts | null>(null);
  const ids = items
    .filter((i) => i.kind === 'concertation' && !i.deletedAt && i.meetingDate?.startsWith(`${year}-`))
    .map((i) => `${i.docId}:${i.status}`)
    .join(',');
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const docIds = ids ? ids.split(',').map((k) => k.split(':')[0]!) : [];
      const records = await readMeetingRecords(docStore, workspaceId, docIds);
      if (!cancelled) setCounts(aciCounts(records, year));
    })();
    return () => {
      cancelled = true;
    };
  }, [workspaceId, ids, year]);
  return counts;
}

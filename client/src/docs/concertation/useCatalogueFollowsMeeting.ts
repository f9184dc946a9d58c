// The catalogue follows the meeting's status and format (any writer writes the same merged value: they never fight).
import { useEffect } from 'react';
import type * as Y from 'yjs';
import { readCatalogueEntry, upsertCatalogueEntry, type Meeting } from '@maillage/shared';

export function useCatalogueFollowsMeeting(
  catalogueDoc: Y.Doc | null,
  docId: string,
  meeting: Meeting | null,
  short: boolean,
  canWrite: boolean,
): void {
  useEffect(() => {
    if (!catalogueDoc || !meeting || !canWrite) return;
    const entry = readCatalogueEntry(catalogueDoc, docId);
    if (entry && (entry.status !== meeting.status || (short && entry.meetingFormat !== 'courte')))
      upsertCatalogueEntry(catalogueDoc, docId, {
        status: meeting.status,
        ...(short ? { meetingFormat: 'courte' as const } : {}),
        updatedAt: new Date().toISOString(),
      });
  }, [catalogueDoc, meeting, short, canWrite, docId]);
}

// Keeps the catalogue entry and this device's metadata and search rows in step with a protocol.
import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import {
  headerFieldsChanged,
  protocolOrigin,
  protocolSearchText,
  readCatalogueEntry,
  readProtocolHeader,
  upsertCatalogueEntry,
  type CatalogueEntry,
} from '@maillage/shared';
import { docStore } from '../../store/docStore';
import { onDocSettled } from '../../sync/onDocSettled';

const MIRRORED = ['title', 'status', 'theme', 'professions', 'reviewDate'] as const;
type Mirrored = Pick<CatalogueEntry, (typeof MIRRORED)[number]>;

/**
 * The catalogue entry gets what edits made here changed (and their date), even offline. Fields that differ from the
 * merged protocol for another reason (an offline device's stale write won a merge) are repaired by any writer whose
 * copy is synced: all of them write the same merged values, so they never fight, and a copy still catching up
 * never writes its old values back. This device's search text follows every edit and is refreshed on opening.
 */
export function mirrorToCatalogue(
  workspaceId: string,
  docId: string,
  doc: Y.Doc,
  catalogue: Y.Doc,
  provider: WebsocketProvider,
  canWrite: boolean,
): () => void {
  const touched = new Set<keyof Mirrored>();
  const onTransaction = (transaction: Y.Transaction) => {
    if (transaction.origin === provider) return;
    for (const field of headerFieldsChanged(doc, transaction))
      if ((MIRRORED as readonly string[]).includes(field)) touched.add(field as keyof Mirrored);
  };
  const settled = onDocSettled(
    doc,
    provider,
    (localEdit) => {
      const header = readProtocolHeader(doc);
      const now: Mirrored = {
        title: header.title,
        status: header.status,
        theme: header.theme,
        professions: header.professions,
        reviewDate: header.reviewDate,
      };
      const entry = readCatalogueEntry(catalogue, docId);
      const patch: Partial<CatalogueEntry> = {};
      for (const field of touched) Object.assign(patch, { [field]: now[field] });
      touched.clear();
      if (entry && provider.synced)
        for (const field of MIRRORED)
          if (JSON.stringify(entry[field]) !== JSON.stringify(now[field]))
            Object.assign(patch, { [field]: now[field] });
      // Entries made before the catalogue named creators learn it here: the bin asks who leads a protocol.
      const createdBy = protocolOrigin(doc).createdBy;
      if (entry && !entry.createdBy && createdBy && provider.synced) patch.createdBy = createdBy;
      const updatedAt = new Date().toISOString();
      if (localEdit) patch.updatedAt = updatedAt;
      if (canWrite && Object.keys(patch).length > 0) upsertCatalogueEntry(catalogue, docId, patch);
      const text = protocolSearchText(doc);
      void docStore.putMeta({
        workspaceId,
        docId,
        kind: 'protocol',
        title: header.title,
        status: header.status,
        updatedAt,
        excerpt: text.slice(0, 400),
      });
      void docStore.flushed(workspaceId, docId).then(async () =>
        docStore.putText({
          workspaceId,
          docId,
          title: header.title,
          theme: header.theme,
          text,
          seq: await docStore.latestSeq(workspaceId, docId),
        }),
      );
    },
    { includeRemote: true, startNow: true },
  );
  const onSync = (synced: boolean) => synced && settled.nudge();
  doc.on('afterTransaction', onTransaction);
  provider.on('sync', onSync);
  return () => {
    doc.off('afterTransaction', onTransaction);
    provider.off('sync', onSync);
    settled.stop();
  };
}

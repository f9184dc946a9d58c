// Keeps the catalogue entry and this device's metadata and search rows in step with a protocol.
import type * as Y from 'yjs';
import { protocolPlainText, readProtocolHeader, upsertCatalogueEntry } from '@maillage/shared';
import { docStore } from '../../store/docStore';
import { onDocSettled } from '../../sync/onDocSettled';

/**
 * The catalogue entry follows only edits made here: each author's device reports its own, so colleagues never fight
 * over it. This device's search text follows every edit, its own and its colleagues', and is brought up to date on
 * opening (the protocol may have changed elsewhere since).
 */
export function mirrorToCatalogue(workspaceId: string, docId: string, doc: Y.Doc, catalogue: Y.Doc, remoteOrigin: unknown): () => void {
  return onDocSettled(
    doc,
    remoteOrigin,
    (localEdit) => {
      const header = readProtocolHeader(doc);
      const updatedAt = new Date().toISOString();
      if (localEdit) {
        const { title, status, theme, professions, reviewDate } = header;
        upsertCatalogueEntry(catalogue, docId, { title, status, theme, professions, reviewDate, updatedAt });
      }
      const text = protocolPlainText(doc);
      void docStore.putMeta({ workspaceId, docId, kind: 'protocol', title: header.title, status: header.status, updatedAt, excerpt: text.slice(0, 400) });
      void docStore.flushed(workspaceId, docId).then(async () => docStore.putText({ workspaceId, docId, title: header.title, theme: header.theme, text, seq: await docStore.latestSeq(workspaceId, docId) }));
    },
    { includeRemote: true, startNow: true },
  );
}

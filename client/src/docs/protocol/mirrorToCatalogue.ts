// Keeps the catalogue entry and this device's metadata and search rows in step with a protocol (debounced).
import * as Y from 'yjs';
import { protocolPlainText, readProtocolHeader, upsertCatalogueEntry } from '@maillage/shared';
import { docStore } from '../../store/docStore';

const DEBOUNCE_MS = 800;

/**
 * The catalogue entry follows only edits made here: each author's device reports its own, so colleagues never fight
 * over it. This device's search text follows every edit, its own and its colleagues'.
 */
export function mirrorToCatalogue(workspaceId: string, docId: string, doc: Y.Doc, catalogue: Y.Doc, remoteOrigin: unknown): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let localEdit = false;
  const write = () => {
    timer = null;
    const header = readProtocolHeader(doc);
    const updatedAt = new Date().toISOString();
    if (localEdit) {
      const { title, status, theme, professions, reviewDate } = header;
      upsertCatalogueEntry(catalogue, docId, { title, status, theme, professions, reviewDate, updatedAt });
    }
    localEdit = false;
    const text = protocolPlainText(doc);
    void docStore.putMeta({ workspaceId, docId, kind: 'protocol', title: header.title, status: header.status, updatedAt, excerpt: text.slice(0, 400) });
    void docStore.flushed(workspaceId, docId).then(async () => docStore.putText({ workspaceId, docId, title: header.title, theme: header.theme, text, seq: await docStore.latestSeq(workspaceId, docId) }));
  };
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin !== remoteOrigin) localEdit = true;
    if (timer) clearTimeout(timer);
    timer = setTimeout(write, DEBOUNCE_MS);
  };
  // Leaving the page (reload, closed tab) runs no React cleanup: write what is pending now. The catalogue's update
  // is then journaled synchronously by the DocStore, so it survives the page.
  const flush = () => {
    if (!timer) return;
    clearTimeout(timer);
    write();
  };
  doc.on('update', onUpdate);
  window.addEventListener('pagehide', flush);
  // A protocol opened here for the first time, or edited elsewhere since: its search text is brought up to date.
  timer = setTimeout(write, DEBOUNCE_MS);
  return () => {
    doc.off('update', onUpdate);
    window.removeEventListener('pagehide', flush);
    flush();
  };
}

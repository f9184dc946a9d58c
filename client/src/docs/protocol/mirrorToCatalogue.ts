// Keeps the catalogue entry and the device's metadata row in step with local edits of a protocol (debounced).
import * as Y from 'yjs';
import { protocolPlainText, readProtocolHeader, upsertCatalogueEntry } from '@maillage/shared';
import { docStore } from '../../store/docStore';

const DEBOUNCE_MS = 800;

/** Only edits made here are mirrored: each author's device reports its own, so colleagues never fight over it. */
export function mirrorToCatalogue(workspaceId: string, docId: string, doc: Y.Doc, catalogue: Y.Doc, remoteOrigin: unknown): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const write = () => {
    timer = null;
    const header = readProtocolHeader(doc);
    const updatedAt = new Date().toISOString();
    upsertCatalogueEntry(catalogue, docId, { title: header.title, status: header.status, updatedAt });
    void docStore.putMeta({ workspaceId, docId, kind: 'protocol', title: header.title, status: header.status, updatedAt, excerpt: protocolPlainText(doc, 400) });
  };
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === remoteOrigin) return;
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
  return () => {
    doc.off('update', onUpdate);
    window.removeEventListener('pagehide', flush);
    flush();
  };
}

// Keeps the case's catalogue entry in step: who it is listed for (its team, on any change) and, for edits made here,
// when it last changed. The entry never carries the patient: its title is a neutral reference set at creation.
import type * as Y from 'yjs';
import { isPatientCase, readCatalogueEntry, readPatientCase, upsertCatalogueEntry, wantedAcl } from '@maillage/shared';
import { docStore } from '../../store/docStore';

const DEBOUNCE_MS = 800;

export function mirrorCaseToCatalogue(workspaceId: string, docId: string, doc: Y.Doc, catalogue: Y.Doc, remoteOrigin: unknown): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  // Only an entry this device already has is touched: creating one here could race the creator's and lose its fields.
  const keepListedFor = () => {
    const entry = readCatalogueEntry(catalogue, docId);
    if (!entry || !isPatientCase(doc)) return;
    const wanted = wantedAcl(doc, readPatientCase(doc).createdBy);
    if ((entry.restrictedTo ?? []).join() !== wanted.join()) upsertCatalogueEntry(catalogue, docId, { restrictedTo: wanted });
  };
  const write = () => {
    timer = null;
    const entry = readCatalogueEntry(catalogue, docId);
    if (!entry) return;
    const { status } = readPatientCase(doc);
    const updatedAt = new Date().toISOString();
    upsertCatalogueEntry(catalogue, docId, { status, updatedAt });
    void docStore.putMeta({ workspaceId, docId, kind: 'patientCase', title: entry.title, status, updatedAt, excerpt: '' });
  };
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    keepListedFor();
    if (origin === remoteOrigin) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(write, DEBOUNCE_MS);
  };
  const flush = () => {
    if (!timer) return;
    clearTimeout(timer);
    write();
  };
  keepListedFor();
  doc.on('update', onUpdate);
  window.addEventListener('pagehide', flush);
  return () => {
    doc.off('update', onUpdate);
    window.removeEventListener('pagehide', flush);
    flush();
  };
}

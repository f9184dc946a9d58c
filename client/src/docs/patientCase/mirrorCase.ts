// Keeps the case's catalogue entry in step: who it is listed for (its team, on any change) and, for edits made here,
// when it last changed. The entry never carries the patient: its title is a neutral reference set at creation.
import type * as Y from 'yjs';
import { isPatientCase, readCatalogueEntry, readPatientCase, upsertCatalogueEntry, wantedAcl } from '@maillage/shared';
import { docStore } from '../../store/docStore';
import { onDocSettled } from '../../sync/onDocSettled';

/** Lists the case for its team as the document holds it. Only an entry this device already has is touched: creating
 * one here could race the creator's and lose its fields. */
export function keepCaseListed(catalogue: Y.Doc, docId: string, doc: Y.Doc): void {
  const entry = readCatalogueEntry(catalogue, docId);
  if (!entry || !isPatientCase(doc)) return;
  const wanted = wantedAcl(doc, readPatientCase(doc).createdBy);
  if ((entry.restrictedTo ?? []).join() !== wanted.join())
    upsertCatalogueEntry(catalogue, docId, { restrictedTo: wanted });
}

export function mirrorCaseToCatalogue(
  workspaceId: string,
  docId: string,
  doc: Y.Doc,
  catalogue: Y.Doc,
  remoteOrigin: unknown,
): () => void {
  const keepListedFor = () => keepCaseListed(catalogue, docId, doc);
  const stop = onDocSettled(doc, remoteOrigin, () => {
    const entry = readCatalogueEntry(catalogue, docId);
    if (!entry) return;
    const { status } = readPatientCase(doc);
    const updatedAt = new Date().toISOString();
    upsertCatalogueEntry(catalogue, docId, { status, updatedAt });
    void docStore.putMeta({
      workspaceId,
      docId,
      kind: 'patientCase',
      title: entry.title,
      status,
      updatedAt,
      excerpt: '',
    });
  });
  keepListedFor();
  doc.on('update', keepListedFor);
  return () => {
    doc.off('update', keepListedFor);
    stop.stop();
  };
}

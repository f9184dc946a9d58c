// What the catalogue screen does to documents: create a protocol, move to the bin, restore.
import type * as Y from 'yjs';
import { createProtocol, newDocId, upsertCatalogueEntry } from '@maillage/shared';
import { docStore } from '../../store/docStore';

export async function newProtocol(workspaceId: string, catalogue: Y.Doc, title: string): Promise<string> {
  const docId = newDocId();
  const doc = await docStore.acquire(workspaceId, docId);
  try {
    const created = createProtocol(doc, { title });
    if (!created.ok) throw new Error(created.errors[0]?.message ?? 'errors.invalid');
    const now = new Date().toISOString();
    upsertCatalogueEntry(catalogue, docId, { kind: 'protocol', title, status: created.value.status, groupId: null, createdAt: now, updatedAt: now, deletedAt: null });
    await docStore.putMeta({ workspaceId, docId, kind: 'protocol', title, status: created.value.status, updatedAt: now, excerpt: '' });
    await docStore.flushed(workspaceId, docId);
    return docId;
  } finally {
    await docStore.release(workspaceId, docId);
  }
}

export function moveToBin(catalogue: Y.Doc, docId: string): void {
  upsertCatalogueEntry(catalogue, docId, { deletedAt: new Date().toISOString() });
}

export function restoreFromBin(catalogue: Y.Doc, docId: string): void {
  upsertCatalogueEntry(catalogue, docId, { deletedAt: null });
}

// What the catalogue screen does to documents: create a protocol, move to the bin, restore.
import type * as Y from 'yjs';
import { applyHasTemplate, copyProtocolBody, createProtocol, newDocId, readProtocolHeader, upsertCatalogueEntry } from '@maillage/shared';
import { docStore } from '../../store/docStore';

/** Blank, laid out on the HAS method, or a copy of another protocol (header and body; a fresh draft). */
export type ProtocolStart = { kind: 'blank' } | { kind: 'has' } | { kind: 'copy'; from: string };

export async function newProtocol(workspaceId: string, catalogue: Y.Doc, title: string, start: ProtocolStart = { kind: 'blank' }): Promise<string> {
  const docId = newDocId();
  const doc = await docStore.acquire(workspaceId, docId);
  try {
    let initial = {};
    if (start.kind === 'copy') {
      const source = await docStore.acquire(workspaceId, start.from);
      const { theme, professions } = readProtocolHeader(source);
      initial = { theme, professions };
      copyProtocolBody(source, doc);
      await docStore.release(workspaceId, start.from);
    }
    const created = createProtocol(doc, { ...initial, title });
    if (!created.ok) throw new Error(created.errors[0]?.message ?? 'errors.invalid');
    if (start.kind === 'has') applyHasTemplate(doc);
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

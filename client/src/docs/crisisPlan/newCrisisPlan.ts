// Creating a crisis plan from the national template: its document, then its catalogue entry (kind, title, status —
// a plan is open to every member, like a protocol). Invalid input creates nothing.
import type * as Y from 'yjs';
import { createCrisisPlan, newDocId, upsertCatalogueEntry, type Validated } from '@maillage/shared';
import { docStore } from '../../store/docStore';

export async function newCrisisPlan(
  workspaceId: string,
  catalogue: Y.Doc,
  title: string,
  createdBy: string,
): Promise<Validated<string>> {
  const docId = newDocId();
  const doc = await docStore.acquire(workspaceId, docId);
  try {
    const created = createCrisisPlan(doc, title, createdBy);
    if (!created.ok) return created;
    const now = new Date().toISOString();
    upsertCatalogueEntry(catalogue, docId, {
      kind: 'crisisPlan',
      title: created.value.title,
      status: created.value.status,
      groupId: null,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
      theme: '',
      professions: [],
      reviewDate: null,
      createdBy,
    });
    await docStore.putMeta({
      workspaceId,
      docId,
      kind: 'crisisPlan',
      title: created.value.title,
      status: created.value.status,
      updatedAt: now,
      excerpt: '',
    });
    await docStore.flushed(workspaceId, docId);
    return { ok: true, value: docId };
  } finally {
    await docStore.release(workspaceId, docId);
  }
}

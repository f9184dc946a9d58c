// Creating a protocol: blank, from the HAS template, or as a copy. Loaded when asked for (the template, the content
// copy and the table ordering stay off the first screen).
import type * as Y from 'yjs';
import {
  applyHasTemplate,
  createProtocol,
  newDocId,
  readMeta,
  readProtocolHeader,
  replaceProtocolContent,
  upsertCatalogueEntry,
} from '@maillage/shared';
import { docStore } from '../../store/docStore';

/** Blank, laid out on the HAS method, or a copy of another protocol (its content; a fresh draft). */
export type ProtocolStart = { kind: 'blank' } | { kind: 'has' } | { kind: 'copy'; from: string };

/** Thrown when the protocol to duplicate has never been opened on this device: its content is not here to copy. */
export class SourceNotOnDevice extends Error {
  readonly key = 'catalogue.sourceNotOnDevice';
}

export async function newProtocol(
  workspaceId: string,
  catalogue: Y.Doc,
  title: string,
  createdBy: string,
  start: ProtocolStart = { kind: 'blank' },
): Promise<string> {
  // The source is checked before anything is created: a failed duplicate leaves nothing behind.
  const source = start.kind === 'copy' ? await docStore.acquire(workspaceId, start.from) : null;
  try {
    if (source && readMeta(source).kind !== 'protocol') throw new SourceNotOnDevice();
    const docId = newDocId();
    const doc = await docStore.acquire(workspaceId, docId);
    try {
      const created = createProtocol(doc, { title }, createdBy);
      if (!created.ok) throw new Error(created.errors[0]?.message ?? 'errors.invalid');
      if (source) replaceProtocolContent(source, doc, { keepTitle: true });
      if (start.kind === 'has') applyHasTemplate(doc);
      const header = readProtocolHeader(doc);
      const now = new Date().toISOString();
      upsertCatalogueEntry(catalogue, docId, {
        kind: 'protocol',
        title,
        status: header.status,
        groupId: null,
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
        theme: header.theme,
        professions: header.professions,
        reviewDate: null,
        createdBy,
      });
      await docStore.putMeta({
        workspaceId,
        docId,
        kind: 'protocol',
        title,
        status: header.status,
        updatedAt: now,
        excerpt: '',
      });
      await docStore.flushed(workspaceId, docId);
      return docId;
    } finally {
      await docStore.release(workspaceId, docId);
    }
  } finally {
    if (start.kind === 'copy') await docStore.release(workspaceId, start.from);
  }
}

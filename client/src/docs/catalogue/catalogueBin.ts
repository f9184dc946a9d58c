// The catalogue's bin: a document moved there can be restored (undo), nothing is deleted.
import type * as Y from 'yjs';
import { upsertCatalogueEntry } from '@maillage/shared';

export function moveToBin(catalogue: Y.Doc, docId: string): void {
  upsertCatalogueEntry(catalogue, docId, { deletedAt: new Date().toISOString() });
}

export function restoreFromBin(catalogue: Y.Doc, docId: string): void {
  upsertCatalogueEntry(catalogue, docId, { deletedAt: null });
}

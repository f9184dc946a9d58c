// Typed read/write over the catalogue's Y.Doc: `workspace` (name) and `entries` (docId -> Y.Map of fields).
import * as Y from 'yjs';
import { z } from 'zod/mini';
import { stampMeta } from '../meta';
import { validate, type Validated } from '../validation';
import { docIdSchema } from '../../sync/rooms';
import {
  catalogueEntrySchema,
  territorySchema,
  workspaceNameSchema,
  type CatalogueEntry,
  type CatalogueItem,
} from './schema';

export const CATALOGUE_LAYOUT_VERSION = 1;

const workspace = (doc: Y.Doc) => doc.getMap<unknown>('workspace');
const entries = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('entries');

export function setWorkspaceName(doc: Y.Doc, name: unknown): Validated<string> {
  const result = validate(workspaceNameSchema, name);
  if (result.ok) {
    doc.transact(() => {
      stampMeta(doc, 'catalogue', CATALOGUE_LAYOUT_VERSION);
      workspace(doc).set('name', result.value);
    });
  }
  return result;
}

export function setWorkspaceTerritory(doc: Y.Doc, communes: unknown): Validated<string[]> {
  const result = validate(territorySchema, communes);
  if (result.ok) {
    doc.transact(() => {
      stampMeta(doc, 'catalogue', CATALOGUE_LAYOUT_VERSION);
      workspace(doc).set('territory', result.value);
    });
  }
  return result;
}

export function readWorkspaceTerritory(doc: Y.Doc): string[] {
  const parsed = territorySchema.safeParse(workspace(doc).get('territory'));
  return parsed.success ? parsed.data : [];
}

export function readWorkspaceName(doc: Y.Doc): string | null {
  const name = workspace(doc).get('name');
  return typeof name === 'string' ? name : null;
}

/** Adds or updates an entry; fields merge one by one so concurrent edits of different fields both win. */
export function upsertCatalogueEntry(
  doc: Y.Doc,
  docId: string,
  fields: Partial<CatalogueEntry>,
): Validated<Partial<CatalogueEntry>> {
  if (!docIdSchema.safeParse(docId).success)
    return { ok: false, errors: [{ field: 'docId', message: 'errors.docId' }] };
  const result = validate(z.partial(catalogueEntrySchema), fields);
  if (!result.ok) return result;
  doc.transact(() => {
    stampMeta(doc, 'catalogue', CATALOGUE_LAYOUT_VERSION);
    let entry = entries(doc).get(docId);
    if (!entry) {
      entry = new Y.Map<unknown>();
      entries(doc).set(docId, entry);
    }
    // Arrays compare by value: rewriting an unchanged list would make an offline device's stale copy win a merge.
    for (const [key, value] of Object.entries(result.value)) {
      if (!sameValue(entry.get(key), value)) entry.set(key, value);
    }
  });
  return result;
}

const sameValue = (a: unknown, b: unknown) =>
  a === b || (Array.isArray(a) && Array.isArray(b) && JSON.stringify(a) === JSON.stringify(b));

export function readCatalogueEntry(doc: Y.Doc, docId: string): CatalogueItem | null {
  const entry = entries(doc).get(docId);
  if (!entry) return null;
  const parsed = catalogueEntrySchema.safeParse({
    groupId: null,
    deletedAt: null,
    theme: '',
    professions: [],
    reviewDate: null,
    ...entry.toJSON(),
  });
  return parsed.success ? { docId, ...parsed.data } : null;
}

/** Every well-formed entry, including those in the bin (filter on `deletedAt`). */
export function listCatalogue(doc: Y.Doc): CatalogueItem[] {
  const items: CatalogueItem[] = [];
  for (const docId of entries(doc).keys()) {
    const item = readCatalogueEntry(doc, docId);
    if (item) items.push(item);
  }
  return items;
}

export function observeCatalogue(doc: Y.Doc, onChange: () => void): () => void {
  const handler = () => onChange();
  entries(doc).observeDeep(handler);
  workspace(doc).observe(handler);
  return () => {
    entries(doc).unobserveDeep(handler);
    workspace(doc).unobserve(handler);
  };
}

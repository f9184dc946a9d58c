// Every document records its kind and the layout version it was written with, in a `meta` map.
import type * as Y from 'yjs';
import { z } from 'zod/mini';

export const DOC_KINDS = [
  'catalogue',
  'protocol',
  'concertation',
  'patientCase',
  'adverseEvent',
  'crisisPlan',
  'crisisActivation',
  'report',
  'directory',
  'governance',
] as const;
export const docKindSchema = z.enum(DOC_KINDS);
export type DocKind = z.infer<typeof docKindSchema>;

/**
 * Kinds kept in open rooms, which any member of the workspace may read: a device may make such a room by sending its
 * content. A case, a meeting or a report lives in a restricted room whose list must reach the relay first (decisions
 * 0016, 0032, 0033); the well-known documents are the workspace's own.
 */
export const OPEN_ROOM_KINDS: ReadonlySet<DocKind> = new Set(['protocol', 'crisisPlan', 'crisisActivation']);

const META = 'meta';

export interface DocMeta {
  kind: DocKind | null;
  layoutVersion: number;
}

export function readMeta(doc: Y.Doc): DocMeta {
  const meta = doc.getMap<unknown>(META);
  const kind = docKindSchema.safeParse(meta.get('kind'));
  const version = meta.get('layoutVersion');
  return { kind: kind.success ? kind.data : null, layoutVersion: typeof version === 'number' ? version : 0 };
}

/** Stamps kind and version; a newer version already present is never lowered. */
export function stampMeta(doc: Y.Doc, kind: DocKind, layoutVersion: number): void {
  const meta = doc.getMap<unknown>(META);
  if (meta.get('kind') !== kind) meta.set('kind', kind);
  const current = meta.get('layoutVersion');
  if (typeof current !== 'number' || current < layoutVersion) meta.set('layoutVersion', layoutVersion);
}

/** Thrown when a document was written by a newer Maillage than this one: we never migrate backward. */
export class NewerLayoutError extends Error {
  readonly code = 'newerLayout';
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(`layout version ${found} is newer than ${supported}`);
  }
}

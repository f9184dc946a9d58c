// Room names: one scheme, `<workspaceId>/<docId>`, built and parsed only here.
import { z } from 'zod/mini';
import { ID_PATTERN } from './ids';

/** base32 (RFC 4648, lowercase, unpadded) of a SHA-256: 52 characters. */
export const workspaceIdSchema = z.string().check(z.regex(/^[a-z2-7]{52}$/, 'errors.workspaceId'));
/** Random ids (21 url-safe chars) or one of the workspace's well-known documents. */
export const docIdSchema = z.string().check(z.regex(ID_PATTERN, 'errors.docId'));

export type WorkspaceId = z.infer<typeof workspaceIdSchema>;
export type DocId = z.infer<typeof docIdSchema>;

/** The documents every workspace has beside its own. */
export const WELL_KNOWN_DOCS = {
  catalogue: 'catalogue',
  directory: 'directory',
  governance: 'governance',
} as const;

const WELL_KNOWN_DOC_IDS: ReadonlySet<string> = new Set(Object.values(WELL_KNOWN_DOCS));

/** One of the workspace's well-known documents: read by every member, never restricted, collected (no versions). */
export const isWellKnownDoc = (docId: string): boolean => WELL_KNOWN_DOC_IDS.has(docId);

export interface RoomRef {
  workspaceId: WorkspaceId;
  docId: DocId;
}

export function roomName(ref: RoomRef): string {
  return `${workspaceIdSchema.parse(ref.workspaceId)}/${docIdSchema.parse(ref.docId)}`;
}

/** Parses a room name, or returns null when it is not one of ours. */
export function parseRoom(name: string): RoomRef | null {
  const parts = name.split('/');
  if (parts.length !== 2) return null;
  const ws = workspaceIdSchema.safeParse(parts[0]);
  const doc = docIdSchema.safeParse(parts[1]);
  return ws.success && doc.success ? { workspaceId: ws.data, docId: doc.data } : null;
}

/** Path prefix of the relay's WebSocket endpoint; the provider appends `/<room>`. */
export const SYNC_PATH = '/sync';

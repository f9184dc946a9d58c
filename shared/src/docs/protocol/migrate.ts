// Protocol layout migrations: forward only.
import type * as Y from 'yjs';
import { NewerLayoutError, readMeta, stampMeta } from '../meta';
import { PROTOCOL_LAYOUT_VERSION } from './layout';

/** Brings an older protocol up to this layout; refuses a newer one. */
export function migrateProtocol(doc: Y.Doc): void {
  const { layoutVersion } = readMeta(doc);
  if (layoutVersion > PROTOCOL_LAYOUT_VERSION) throw new NewerLayoutError(layoutVersion, PROTOCOL_LAYOUT_VERSION);
  // v0 -> v1: documents from before the meta map had the same keys. v1 -> v2: the tables, comments, versions and
  // workflow live in maps and arrays of their own, empty until used. Stamping is the whole migration.
  if (layoutVersion < PROTOCOL_LAYOUT_VERSION) stampMeta(doc, 'protocol', PROTOCOL_LAYOUT_VERSION);
}

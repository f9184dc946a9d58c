// An open document's later updates (local or remote) written to IndexedDB as rows of its copy, in order, one
// transaction per task; this device's own edits journaled (unloadJournal.ts) until IndexedDB has them.
import * as Y from 'yjs';
import { keepsHistory } from '@maillage/shared/sync';
import type { Copies } from './copies';
import type { MaillageDb, UpdateRow } from './db';
import { isRemoteOrigin } from './remoteOrigins';
import type { UnloadJournal } from './unloadJournal';

/** Past this many stored updates a document is merged into one row. */
export const COMPACT_AFTER = 200;
/** The origin of a copy's stored rows applied to its doc: they are not written again. */
export const STORE_ORIGIN = Symbol('docStore');

export interface OpenDoc {
  doc: Y.Doc;
  rows: number;
  pending: Uint8Array[];
  /** The unload-journal entries of the pending updates, removed once IndexedDB has them. */
  pendingKeys: string[];
  /** Whether a pending update is a change made on this device (not one a relay sent). */
  pendingMadeHere: boolean;
  writing: Promise<void>;
  /** The epoch of this copy (documents without history: docs/decisions/0027); always 0 for the others. */
  epoch: number;
  /** Which copy its rows belong to (copies.ts). */
  copy: string;
  /** Stops persisting the doc's updates: a copy of a closed epoch, replaced. */
  detach: () => void;
  /** Writes wait for this: the transaction that makes this copy the stored one (null: nothing to wait for). */
  ready: Promise<unknown> | null;
}

/** Where an open doc's rows go, and how its rows are merged once there are many. */
export interface RowWriter {
  db: MaillageDb;
  copies: Copies;
  journal: UnloadJournal;
  compact(workspaceId: string, docId: string, opened: OpenDoc): Promise<void>;
}

/** The unload journal's key of a copy: a copy's entries are never replayed into another's. */
export const journalKey = (workspaceId: string, docId: string, copy: string) =>
  copy === '' ? `${workspaceId}/${docId}` : `${workspaceId}/${docId}@${copy}`;

/** Persists `doc`'s later updates as rows of its copy (`rows` of them stored already). */
export function persistUpdates(
  writer: RowWriter,
  {
    workspaceId,
    docId,
    doc,
    epoch,
    copy,
  }: { workspaceId: string; docId: string; doc: Y.Doc; epoch: number; copy: string },
  rows: number,
): OpenDoc {
  const opened: OpenDoc = {
    ready: null,
    copy,
    doc,
    rows,
    pending: [],
    pendingKeys: [],
    pendingMadeHere: false,
    writing: Promise.resolve(),
    epoch,
    detach: () => doc.off('update', onUpdate),
  };
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === STORE_ORIGIN) return;
    // Only this device's own edits need the journal: what a relay sent comes again if a reload loses it.
    const madeHere = !isRemoteOrigin(origin);
    const key = madeHere ? writer.journal.append(journalKey(workspaceId, docId, opened.copy), update) : null;
    if (key) opened.pendingKeys.push(key);
    opened.pendingMadeHere ||= madeHere;
    opened.pending.push(update);
    // Updates of one task go to IndexedDB in one transaction, opened at once rather than after the previous write:
    // IndexedDB runs readwrite transactions in the order they were created, so writes stay in order, and a reload
    // a few milliseconds after a keystroke finds it committed.
    if (opened.pending.length === 1) {
      queueMicrotask(() => {
        const written = write(writer, workspaceId, docId, opened);
        opened.writing = Promise.all([opened.writing, written]).then(() => undefined);
      });
    }
  };
  doc.on('update', onUpdate);
  return opened;
}

async function write(writer: RowWriter, workspaceId: string, docId: string, opened: OpenDoc): Promise<void> {
  if (opened.ready) await opened.ready;
  const batch = opened.pending.splice(0);
  const keys = opened.pendingKeys.splice(0);
  const madeHere = opened.pendingMadeHere;
  opened.pendingMadeHere = false;
  if (batch.length === 0) return;
  const data = batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch);
  // Another tab may have migrated the stored copy: rows of this one must not join it (this tab's doc still holds
  // them, and migrates them when its relay says so).
  if (keepsHistory(docId)) await addUpdateRow(writer.db, { workspaceId, docId, data }, madeHere);
  else await writer.copies.add(workspaceId, docId, opened.copy, data);
  writer.journal.remove(keys);
  opened.rows++;
  if (opened.rows > COMPACT_AFTER) await writer.compact(workspaceId, docId, opened);
}

/**
 * Stores a row of a document with history. A change made on this device also marks the document unsent, in the same
 * transaction: the background sync then sends it even if no screen opens the document again (decision 0045). The
 * well-known documents need no mark: the open workspace keeps each synced through its own socket.
 */
export async function addUpdateRow(db: MaillageDb, row: UpdateRow, madeHere: boolean): Promise<void> {
  if (!madeHere) return void (await db.updates.add(row));
  await db.transaction('rw', db.updates, db.unsent, async () => {
    // The key `add` resolves to is the row's auto-incremented `seq`.
    const mark = (await db.updates.add(row))!;
    await db.unsent.put({ workspaceId: row.workspaceId, docId: row.docId, mark, tries: 0 });
  });
}

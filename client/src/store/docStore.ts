// DocStore: every Y.Doc of the app persisted to IndexedDB — loaded before sync starts, every update kept, compacted in the background.
import * as Y from 'yjs';
import { keepsHistory } from '@maillage/shared';
import { db as defaultDb, type DocMetaRow, type MaillageDb, type TextRow } from './db';
import { UnloadJournal } from './unloadJournal';

/** Past this many stored updates a document is merged into one row. */
export const COMPACT_AFTER = 200;
const STORE_ORIGIN = Symbol('docStore');

interface OpenDoc {
  doc: Y.Doc;
  rows: number;
  pending: Uint8Array[];
  /** The unload-journal entries of the pending updates, removed once IndexedDB has them. */
  pendingKeys: string[];
  writing: Promise<void>;
}

/** A document's holders, counted at once (not after its load): a screen that lets go while the next one takes hold
 * of the same document must not free it under the newcomer. */
interface Held {
  refs: number;
  opened: Promise<OpenDoc>;
}

export class DocStore {
  private readonly open = new Map<string, Held>();

  constructor(
    private readonly db: MaillageDb = defaultDb,
    private readonly journal = new UnloadJournal(),
  ) {}

  /** The document with everything stored on this device applied; later updates (local or remote) are persisted. */
  async acquire(workspaceId: string, docId: string): Promise<Y.Doc> {
    const key = `${workspaceId}/${docId}`;
    let held = this.open.get(key);
    if (!held) {
      held = { refs: 0, opened: this.load(workspaceId, docId) };
      this.open.set(key, held);
    }
    held.refs++;
    return (await held.opened).doc;
  }

  /** Lets go of a document; the last holder writes what is pending and frees it. */
  async release(workspaceId: string, docId: string): Promise<void> {
    const key = `${workspaceId}/${docId}`;
    const held = this.open.get(key);
    if (!held) return;
    held.refs--;
    if (held.refs > 0) return;
    const opened = await held.opened;
    await opened.writing;
    // Taken again while its writes finished: it stays open for the new holder.
    if (held.refs > 0 || this.open.get(key) !== held) return;
    this.open.delete(key);
    opened.doc.destroy();
  }

  /** Resolves once every update seen so far is in IndexedDB. */
  async flushed(workspaceId: string, docId: string): Promise<void> {
    const held = this.open.get(`${workspaceId}/${docId}`);
    if (held) await (await held.opened).writing;
  }

  private async load(workspaceId: string, docId: string): Promise<OpenDoc> {
    const docKey = `${workspaceId}/${docId}`;
    const rows = await this.db.updates.where('[workspaceId+docId]').equals([workspaceId, docId]).toArray();
    // What a page that went away had typed but not yet stored: into IndexedDB first, then out of the journal.
    const unsaved = this.journal.pending(docKey);
    if (unsaved.updates.length > 0) {
      const data = Y.mergeUpdates(unsaved.updates);
      await this.db.updates.add({ workspaceId, docId, data });
      rows.push({ workspaceId, docId, data });
      this.journal.remove(unsaved.keys);
    }
    const doc = new Y.Doc({ gc: !keepsHistory(docId) });
    if (rows.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(rows.map((r) => r.data)), STORE_ORIGIN);
    const opened: OpenDoc = { doc, rows: rows.length, pending: [], pendingKeys: [], writing: Promise.resolve() };
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === STORE_ORIGIN) return;
      const key = this.journal.append(docKey, update);
      if (key) opened.pendingKeys.push(key);
      opened.pending.push(update);
      // Updates of one task go to IndexedDB in one transaction, opened at once rather than after the previous write:
      // IndexedDB runs readwrite transactions in the order they were created, so writes stay in order, and a reload
      // a few milliseconds after a keystroke finds it committed.
      if (opened.pending.length === 1) {
        queueMicrotask(() => {
          const written = this.write(workspaceId, docId, opened);
          opened.writing = Promise.all([opened.writing, written]).then(() => undefined);
        });
      }
    });
    if (rows.length > COMPACT_AFTER)
      opened.writing = opened.writing.then(() => this.compact(workspaceId, docId, opened));
    return opened;
  }

  private async write(workspaceId: string, docId: string, opened: OpenDoc): Promise<void> {
    const batch = opened.pending.splice(0);
    const keys = opened.pendingKeys.splice(0);
    if (batch.length === 0) return;
    const data = batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch);
    await this.db.updates.add({ workspaceId, docId, data });
    this.journal.remove(keys);
    opened.rows++;
    if (opened.rows > COMPACT_AFTER) await this.compact(workspaceId, docId, opened);
  }

  /** Merges the rows read into one, deleting exactly those: rows written meanwhile are kept. */
  async compact(workspaceId: string, docId: string, opened?: OpenDoc): Promise<void> {
    await this.db.transaction('rw', this.db.updates, async () => {
      const rows = await this.db.updates.where('[workspaceId+docId]').equals([workspaceId, docId]).toArray();
      if (rows.length < 2) return;
      await this.db.updates.bulkDelete(rows.map((r) => r.seq!));
      await this.db.updates.add({ workspaceId, docId, data: Y.mergeUpdates(rows.map((r) => r.data)) });
    });
    if (opened) opened.rows = 1;
  }

  /** The sequence number of the last update stored for a document (0 when none): tells whether a cache is stale. */
  async latestSeq(workspaceId: string, docId: string): Promise<number> {
    return (await this.db.updates.where('[workspaceId+docId]').equals([workspaceId, docId]).last())?.seq ?? 0;
  }

  /**
   * Deletes this device's copy of a document and its metadata row: a member taken off a patient's care team keeps
   * nothing of the case. A holder may still have it in memory; it is shown no more and syncs no more.
   */
  async forget(workspaceId: string, docId: string): Promise<void> {
    await this.flushed(workspaceId, docId);
    this.journal.remove(this.journal.pending(`${workspaceId}/${docId}`).keys);
    await this.db.transaction('rw', this.db.updates, this.db.docs, this.db.texts, async () => {
      await this.db.updates.where('[workspaceId+docId]').equals([workspaceId, docId]).delete();
      await this.db.docs.delete([workspaceId, docId]);
      await this.db.texts.delete([workspaceId, docId]);
    });
  }

  async storedUpdateCount(workspaceId: string, docId: string): Promise<number> {
    return this.db.updates.where('[workspaceId+docId]').equals([workspaceId, docId]).count();
  }

  async putMeta(row: DocMetaRow): Promise<void> {
    await this.db.docs.put(row);
  }

  async putText(row: TextRow): Promise<void> {
    await this.db.texts.put(row);
  }

  /** Every search text of a workspace (documents opened on this device at least once). */
  async listTexts(workspaceId: string): Promise<TextRow[]> {
    return this.db.texts.where('workspaceId').equals(workspaceId).toArray();
  }

  /** The metadata rows of a workspace, without loading any document. */
  async listMeta(workspaceId: string): Promise<DocMetaRow[]> {
    return this.db.docs.where('workspaceId').equals(workspaceId).toArray();
  }
}

export const docStore = new DocStore();

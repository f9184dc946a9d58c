// DocStore: every Y.Doc of the app persisted to IndexedDB — loaded before sync starts, every update kept, compacted in the background.
import * as Y from 'yjs';
import { forwardLocalChanges, keepsHistory, newDocId } from '@maillage/shared/sync';
import { db as defaultDb, type MaillageDb } from './db';
import { DocRows } from './docRows';
import { UnloadJournal } from './unloadJournal';
import { markRemoteOrigin } from './remoteOrigins';
import { Copies, FIRST_COPY } from './copies';
import { inputRests } from './inputRests';
import {
  addUpdateRow,
  COMPACT_AFTER,
  journalKey,
  persistUpdates,
  STORE_ORIGIN,
  type OpenDoc,
  type RowWriter,
} from './openDoc';

export { COMPACT_AFTER } from './openDoc';

/** Past this size, a copy opened by a reader that `canWait` is decoded only once the member pauses (`inputRests`). */
export const LARGE_COPY_BYTES = 256 * 1024;
/** What `storeFetched` applies to a copy open meanwhile: a relay's, so not journaled. */
const FETCHED_ORIGIN = { fetched: true };
markRemoteOrigin(FETCHED_ORIGIN);

/** What a relay sent of a document this device held nothing of (`storeFetched`). */
export interface FetchedCopy {
  docId: string;
  updates: readonly Uint8Array[];
}

/** A document's holders, counted at once (not after its load): a screen that lets go while the next one takes hold
 * of the same document must not free it under the newcomer. */
interface Held {
  refs: number;
  opened: Promise<OpenDoc>;
}

export class DocStore extends DocRows {
  private readonly open = new Map<string, Held>();
  /** Loads of large copies waiting for a pause in the member's input, and how to end the wait. */
  private readonly waiting = new Map<string, () => void>();
  private readonly copies: Copies;
  private readonly rowWriter: RowWriter;

  constructor(
    db: MaillageDb = defaultDb,
    private readonly journal = new UnloadJournal(),
  ) {
    super(db);
    this.copies = new Copies(db);
    this.rowWriter = {
      db,
      copies: this.copies,
      journal,
      compact: (workspaceId, docId, opened) => this.compact(workspaceId, docId, opened),
    };
  }

  /**
   * The document with everything stored on this device applied; later updates (local or remote) are persisted.
   * `nothingStored`: the caller read a moment ago that no row of it is stored (`latestSeqs`), so the read is skipped;
   * rows stored meanwhile are kept, only missing from this copy in memory. `canWait`: a reader for a list, not a
   * screen: a large copy is decoded once the member pauses, or at once when a screen asks for it meanwhile.
   */
  async acquire(workspaceId: string, docId: string, { nothingStored = false, canWait = false } = {}): Promise<Y.Doc> {
    const key = `${workspaceId}/${docId}`;
    let held = this.open.get(key);
    if (!held) {
      held = { refs: 0, opened: this.load(workspaceId, docId, nothingStored && keepsHistory(docId), canWait) };
      this.open.set(key, held);
    } else if (!canWait) this.waiting.get(key)?.();
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

  /**
   * Stores what a relay sent of documents this device held nothing of, as the bytes they came in, without decoding
   * them: a background fetch of a large document then holds the page for no frame. One transaction for all of them;
   * resolves once they are in IndexedDB. A holder that opened one meanwhile has it applied to its copy, which persists
   * it as any remote update.
   */
  async storeFetched(workspaceId: string, copies: readonly FetchedCopy[]): Promise<void> {
    const rows: { workspaceId: string; docId: string; data: Uint8Array }[] = [];
    const applied: Promise<void>[] = [];
    for (const { docId, updates } of copies) {
      if (updates.length === 0) continue;
      const held = this.open.get(`${workspaceId}/${docId}`);
      if (held) applied.push(this.applyFetched(held, workspaceId, docId, updates));
      else for (const data of updates) rows.push({ workspaceId, docId, data });
    }
    await Promise.all([...applied, rows.length > 0 && this.db.updates.bulkAdd(rows)]);
  }

  private async applyFetched(held: Held, workspaceId: string, docId: string, updates: readonly Uint8Array[]) {
    const { doc } = await held.opened;
    doc.transact(() => updates.forEach((update) => Y.applyUpdate(doc, update)), FETCHED_ORIGIN);
    // The write it started is queued as a microtask of the update: `flushed` awaits it after one more turn.
    return this.flushed(workspaceId, docId);
  }

  /**
   * Stores what pages that went away had typed but not stored, for documents no holder here has open (a load replays
   * them too): marked unsent, they reach the relay though nothing opens the document again. `skip`: documents open in
   * another tab, whose entries are that tab's to store.
   */
  async storeJournaled(workspaceId: string, skip: ReadonlySet<string> = new Set()): Promise<void> {
    for (const key of this.journal.docKeys()) {
      const docId = key.startsWith(`${workspaceId}/`) ? key.slice(workspaceId.length + 1) : null;
      // A copy that keeps no history (`@copy`) is the open workspace's, which loads it.
      if (!docId || docId.includes('@') || !keepsHistory(docId) || skip.has(docId) || this.isOpen(workspaceId, docId))
        continue;
      await this.acquire(workspaceId, docId);
      await this.release(workspaceId, docId);
    }
  }

  /** Whether a list's load of the document (`canWait`) is waiting for the member to pause. */
  waitsForInput(workspaceId: string, docId: string): boolean {
    return this.waiting.has(`${workspaceId}/${docId}`);
  }

  /** Whether some holder has the document open in this page. */
  isOpen(workspaceId: string, docId: string): boolean {
    return this.open.has(`${workspaceId}/${docId}`);
  }

  /** Resolves once every update seen so far is in IndexedDB. */
  async flushed(workspaceId: string, docId: string): Promise<void> {
    // A load waiting for the member to pause has nothing to write yet, and its caller (a sync, a copy forgotten) is
    // not to wait on their typing.
    this.waiting.get(`${workspaceId}/${docId}`)?.();
    const held = this.open.get(`${workspaceId}/${docId}`);
    if (held) await (await held.opened).writing;
  }

  private async load(workspaceId: string, docId: string, nothingStored: boolean, canWait = false): Promise<OpenDoc> {
    const [rows, copy] = nothingStored
      ? [[], FIRST_COPY]
      : await this.db.transaction('r', this.db.updates, this.db.epochs, async () => [
          await this.db.updates.where('[workspaceId+docId]').equals([workspaceId, docId]).toArray(),
          keepsHistory(docId) ? FIRST_COPY : await this.copies.stored(workspaceId, docId),
        ]);
    // What a page that went away had typed but not yet stored: into IndexedDB first, then out of the journal.
    const unsaved = this.journal.pending(journalKey(workspaceId, docId, copy.copy));
    if (unsaved.updates.length > 0) {
      const data = Y.mergeUpdates(unsaved.updates);
      await addUpdateRow(this.db, { workspaceId, docId, data }, keepsHistory(docId));
      rows.push({ workspaceId, docId, data });
      this.journal.remove(unsaved.keys);
    }
    const doc = new Y.Doc({ gc: !keepsHistory(docId) });
    if (rows.length > 0) {
      const stored = Y.mergeUpdates(rows.map((r) => r.data));
      if (canWait && stored.length > LARGE_COPY_BYTES) await this.untilInputRests(`${workspaceId}/${docId}`);
      Y.applyUpdate(doc, stored, STORE_ORIGIN);
    }
    const opened = persistUpdates(this.rowWriter, { workspaceId, docId, doc, ...copy }, rows.length);
    if (rows.length > COMPACT_AFTER)
      opened.writing = opened.writing.then(() => this.compact(workspaceId, docId, opened));
    return opened;
  }

  private untilInputRests(key: string): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.waiting.delete(key);
        resolve();
      };
      this.waiting.set(key, done);
      void inputRests().then(done);
    });
  }

  /** The epoch of this device's copy of an open document (0 for documents with history, or never rewritten). */
  async epochOf(workspaceId: string, docId: string): Promise<number> {
    const held = this.open.get(`${workspaceId}/${docId}`);
    return held ? (await held.opened).epoch : (await this.copies.stored(workspaceId, docId)).epoch;
  }

  private async copyOf(workspaceId: string, docId: string): Promise<string> {
    const held = this.open.get(`${workspaceId}/${docId}`);
    return held ? (await held.opened).copy : (await this.copies.stored(workspaceId, docId)).copy;
  }

  /** Records that an open copy is of `epoch`, the relay having served it there (it held nothing older): rows stay. */
  async adoptEpoch(workspaceId: string, docId: string, epoch: number): Promise<void> {
    const held = this.open.get(`${workspaceId}/${docId}`);
    if (!held) return;
    const opened = await held.opened;
    if (opened.epoch === epoch) return;
    opened.epoch = epoch;
    await this.copies.adopt(workspaceId, docId, opened.copy, epoch);
  }

  /**
   * Replaces an open copy of a closed epoch by `migrate(old)`, a doc of `epoch` that carries the old copy's changes.
   * `migrate` runs synchronously with the swap, and edits of the old doc after it are forwarded to the new one. In one
   * transaction the closed epoch's rows are deleted and the new doc's state stored; until it commits the old doc is
   * still persisted (a page closed meanwhile migrates again from it) and the new doc's rows wait.
   */
  async replaceEpoch(
    workspaceId: string,
    docId: string,
    epoch: number,
    migrate: (old: Y.Doc) => Y.Doc,
  ): Promise<Y.Doc> {
    const held = this.open.get(`${workspaceId}/${docId}`);
    if (!held) throw new Error(`${workspaceId}/${docId} is not open`);
    const old = await held.opened;
    // Another holder of this document migrated it already.
    if (old.epoch === epoch) return old.doc;
    const doc = migrate(old.doc);
    forwardLocalChanges(old.doc, doc);
    const next = { epoch, copy: newDocId() };
    const opened = persistUpdates(this.rowWriter, { workspaceId, docId, doc, ...next }, 1);
    const replaced = old.writing
      .then(() =>
        this.copies.replace(workspaceId, docId, { old: old.copy, copy: next.copy }, epoch, () =>
          Y.encodeStateAsUpdate(doc),
        ),
      )
      .then((copy) => (opened.copy = copy));
    opened.ready = replaced;
    opened.writing = replaced.then(() => undefined);
    held.opened = Promise.resolve(opened);
    await replaced;
    old.detach();
    // What the old copy journaled is in the new doc now (migrated or forwarded).
    this.journal.remove(this.journal.pending(journalKey(workspaceId, docId, old.copy)).keys);
    return doc;
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

  /**
   * Deletes this device's copy of a document and its metadata row: a member taken off a patient's care team keeps
   * nothing of the case. A holder may still have it in memory; it is shown no more and syncs no more.
   */
  async forget(workspaceId: string, docId: string): Promise<void> {
    await this.flushed(workspaceId, docId);
    this.journal.remove(
      this.journal.pending(journalKey(workspaceId, docId, await this.copyOf(workspaceId, docId))).keys,
    );
    const { updates, docs, texts, epochs, forYou, unsent } = this.db;
    await this.db.transaction('rw', [updates, docs, texts, epochs, forYou, unsent], async () => {
      await updates.where('[workspaceId+docId]').equals([workspaceId, docId]).delete();
      for (const table of [docs, texts, epochs, forYou, unsent]) await table.delete([workspaceId, docId]);
    });
  }
}

export const docStore = new DocStore();

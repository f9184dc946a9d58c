// What IndexedDB holds of documents, read and written without opening any: the rows' sequence numbers, the metadata,
// search-text and « Pour vous » index tables, the marks of changes the relay may not have. DocStore builds on it, so its callers reach these through docStore.
import * as Y from 'yjs';
import { db as defaultDb, type DocMetaRow, type ForYouRow, type MaillageDb, type TextRow, type UnsentRow } from './db';

export class DocRows {
  constructor(protected readonly db: MaillageDb = defaultDb) {}

  /** The sequence number of the last update stored for a document (0 when none): tells whether a cache is stale. */
  async latestSeq(workspaceId: string, docId: string): Promise<number> {
    return (await this.db.updates.where('[workspaceId+docId]').equals([workspaceId, docId]).last())?.seq ?? 0;
  }

  /** The same for many documents, in one pass over the index's keys (no row read): 0 for a document with none. */
  async latestSeqs(workspaceId: string, docIds: readonly string[]): Promise<Map<string, number>> {
    const latest = new Map(docIds.map((docId) => [docId, 0]));
    await this.db.updates
      .where('[workspaceId+docId]')
      .anyOf(docIds.map((docId) => [workspaceId, docId]))
      // Within one document the index is in `seq` order: the last key seen is the latest.
      .eachKey((key, cursor) => latest.set((key as [string, string])[1], cursor.primaryKey as number));
    return latest;
  }

  /** Everything IndexedDB holds of a document's copy, as one update (null when nothing). */
  async storedState(workspaceId: string, docId: string): Promise<Uint8Array | null> {
    const rows = await this.db.updates.where('[workspaceId+docId]').equals([workspaceId, docId]).toArray();
    return rows.length === 0 ? null : Y.mergeUpdates(rows.map((row) => row.data));
  }

  /** Whether this device holds anything of the document (a snapshot or updates). */
  async hasCopy(workspaceId: string, docId: string): Promise<boolean> {
    if (await this.db.docs.get([workspaceId, docId])) return true;
    return (await this.storedUpdateCount(workspaceId, docId)) > 0;
  }

  async storedUpdateCount(workspaceId: string, docId: string): Promise<number> {
    return this.db.updates.where('[workspaceId+docId]').equals([workspaceId, docId]).count();
  }

  async putMeta(row: DocMetaRow): Promise<void> {
    await this.db.docs.put(row);
  }

  /**
   * Keeps a document's search text, only while this device holds the document: a text read just before the copy was
   * forgotten (its reader taken off a care team) must not outlive it. One transaction with forget's tables, so the
   * check and the write cannot straddle a forget.
   */
  async putText(row: TextRow): Promise<void> {
    const { docs, updates, texts } = this.db;
    await this.db.transaction('rw', [docs, updates, texts], async () => {
      if (await this.hasCopy(row.workspaceId, row.docId)) await texts.put(row);
    });
  }

  /** What the copies of these documents were last read to hold for « Pour vous » (undefined: never read). */
  async listForYou(workspaceId: string, docIds: readonly string[]): Promise<(ForYouRow | undefined)[]> {
    return this.db.forYou.bulkGet(docIds.map((docId) => [workspaceId, docId] as [string, string]));
  }

  async putForYou(row: ForYouRow): Promise<void> {
    await this.db.forYou.put(row);
  }

  /** Every search text of a workspace (documents opened on this device at least once). */
  async listTexts(workspaceId: string): Promise<TextRow[]> {
    return this.db.texts.where('workspaceId').equals(workspaceId).toArray();
  }

  /** The search texts of these documents (undefined: none stored). */
  async textsOf(workspaceId: string, docIds: readonly string[]): Promise<(TextRow | undefined)[]> {
    return this.db.texts.bulkGet(docIds.map((docId) => [workspaceId, docId] as [string, string]));
  }

  /** The metadata rows of a workspace, without loading any document. */
  async listMeta(workspaceId: string): Promise<DocMetaRow[]> {
    return this.db.docs.where('workspaceId').equals(workspaceId).toArray();
  }

  /** The documents of a workspace holding a change made here that the relay may not have (`addUpdateRow`). */
  async listUnsent(workspaceId: string): Promise<UnsentRow[]> {
    return this.db.unsent.where('workspaceId').equals(workspaceId).toArray();
  }

  /** The relay was seen to hold everything in the copy read after `seen`: cleared, unless a change was stored since. */
  async clearUnsent(seen: UnsentRow): Promise<void> {
    await this.sameMark(seen, (key) => this.db.unsent.delete(key));
  }

  /** A send the relay was not seen to keep, counted unless a change was stored since (it starts the count again). */
  async countUnsentTry(seen: UnsentRow): Promise<void> {
    await this.sameMark(seen, (key) => this.db.unsent.update(key, { tries: seen.tries + 1 }));
  }

  private async sameMark(seen: UnsentRow, change: (key: [string, string]) => Promise<unknown>): Promise<void> {
    const key: [string, string] = [seen.workspaceId, seen.docId];
    await this.db.transaction('rw', this.db.unsent, async () => {
      if ((await this.db.unsent.get(key))?.mark === seen.mark) await change(key);
    });
  }
}

// What this device still has to fetch, in IndexedDB: the feed's answers are written here before the cursor moves,
// so a device that loses the network or is closed halfway resumes where it stopped.
import type { RoomChange } from '@maillage/shared';
import { db as defaultDb, type FetchRow, type MaillageDb } from '../../store/db';

const cursorKey = (workspaceId: string) => `feedCursor/${workspaceId}`;
/** Rows of a feed's answer read and written per request. */
const RECORD_AT_ONCE = 200;

export interface FetchProgress {
  /** Documents the member may read that are on this device, current as of the feed's last answer. */
  onDevice: number;
  /** Documents the member may read. */
  total: number;
}

export class FetchQueue {
  constructor(
    private readonly workspaceId: string,
    private readonly db: MaillageDb = defaultDb,
  ) {}

  async cursor(): Promise<number> {
    const row = await this.db.settings.get(cursorKey(this.workspaceId));
    return typeof row?.value === 'number' ? row.value : 0;
  }

  /**
   * Records an answer of the feed and moves the cursor past it, in one transaction. A part at a time: each request is
   * made in one go, and a new device's first answer (thousands of rows) would hold the page for as long.
   */
  async record(changes: readonly RoomChange[], cursor: number): Promise<void> {
    const { workspaceId } = this;
    await this.db.transaction('rw', this.db.fetches, this.db.settings, async () => {
      for (let start = 0; start < changes.length; start += RECORD_AT_ONCE) {
        const part = changes.slice(start, start + RECORD_AT_ONCE);
        const known = await this.db.fetches.bulkGet(part.map((c) => [workspaceId, c.doc] as [string, string]));
        await this.db.fetches.bulkPut(
          part.map((c, i) => ({
            workspaceId,
            docId: c.doc,
            tick: c.tick,
            fetchedTick: known[i]?.fetchedTick ?? 0,
            readable: c.readable,
          })),
        );
      }
      await this.db.settings.put({ key: cursorKey(workspaceId), value: cursor });
    });
  }

  /** What is left to do, the most recent change first: documents to fetch, and copies to drop. */
  async pending(): Promise<FetchRow[]> {
    const rows = await this.db.fetches.where('workspaceId').equals(this.workspaceId).toArray();
    return rows.filter((r) => !r.readable || r.fetchedTick < r.tick).sort((a, b) => b.tick - a.tick);
  }

  /** These documents are on the device as of their `tick` (a later change keeps one pending), in one transaction. */
  async fetched(landed: readonly { docId: string; tick: number }[]): Promise<void> {
    if (landed.length === 0) return;
    const { workspaceId } = this;
    await this.db.transaction('rw', this.db.fetches, async () => {
      const rows = await this.db.fetches.bulkGet(landed.map(({ docId }) => [workspaceId, docId] as [string, string]));
      const updated = rows.flatMap((row, i) =>
        row ? [{ ...row, fetchedTick: Math.max(row.fetchedTick, landed[i]!.tick) }] : [],
      );
      await this.db.fetches.bulkPut(updated);
    });
  }

  /** Whether the feed lists the document to this device as readable: the relay holds its room and admits us. */
  async listed(docId: string): Promise<boolean> {
    return (await this.db.fetches.get([this.workspaceId, docId]))?.readable === true;
  }

  /** A dropped copy needs no row: the feed lists the document again if the member is put back on its team. */
  async dropped(docId: string): Promise<void> {
    await this.db.fetches.delete([this.workspaceId, docId]);
  }

  /** A copy this device chose not to keep: fetched again from scratch if the member changes their mind. */
  async setAside(docId: string): Promise<void> {
    await this.db.fetches
      .where('[workspaceId+docId]')
      .equals([this.workspaceId, docId])
      .modify((row) => void (row.fetchedTick = 0));
  }

  /** `setAside`: documents this device does not keep, counted on neither side. */
  async progress(setAside: ReadonlySet<string> = new Set()): Promise<FetchProgress> {
    const rows = await this.db.fetches.where('workspaceId').equals(this.workspaceId).toArray();
    const readable = rows.filter((r) => r.readable && !setAside.has(r.docId));
    return { onDevice: readable.filter((r) => r.fetchedTick >= r.tick).length, total: readable.length };
  }
}

/** Documents landed, marked in the queue a batch at a time: one transaction per batch rather than one per document. */
export class FetchedMarks {
  private batch: { docId: string; tick: number }[] = [];
  private writing = Promise.resolve();

  constructor(
    private readonly queue: FetchQueue,
    private readonly size = 25,
  ) {}

  /** Resolves at once, or once the batch it completed is written. */
  add(docId: string, tick: number): Promise<void> {
    this.batch.push({ docId, tick });
    return this.batch.length >= this.size ? this.flush() : Promise.resolve();
  }

  /** Writes what is left, after the batches before it (a write that failed fails every later one). */
  flush(): Promise<void> {
    const batch = this.batch.splice(0);
    this.writing = this.writing.then(() => this.queue.fetched(batch));
    return this.writing;
  }
}

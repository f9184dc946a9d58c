// What this device still has to fetch, in IndexedDB: the feed's answers are written here before the cursor moves,
// so a device that loses the network or is closed halfway resumes where it stopped.
import type { RoomChange } from '@maillage/shared';
import { db as defaultDb, type FetchRow, type MaillageDb } from '../../store/db';

const cursorKey = (workspaceId: string) => `feedCursor/${workspaceId}`;

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

  /** Records an answer of the feed and moves the cursor past it, in one transaction. */
  async record(changes: readonly RoomChange[], cursor: number): Promise<void> {
    const { workspaceId } = this;
    await this.db.transaction('rw', this.db.fetches, this.db.settings, async () => {
      const known = await this.db.fetches.bulkGet(changes.map((c) => [workspaceId, c.doc] as [string, string]));
      await this.db.fetches.bulkPut(
        changes.map((c, i) => ({
          workspaceId,
          docId: c.doc,
          tick: c.tick,
          fetchedTick: known[i]?.fetchedTick ?? 0,
          readable: c.readable,
        })),
      );
      await this.db.settings.put({ key: cursorKey(workspaceId), value: cursor });
    });
  }

  /** What is left to do, the most recent change first: documents to fetch, and copies to drop. */
  async pending(): Promise<FetchRow[]> {
    const rows = await this.db.fetches.where('workspaceId').equals(this.workspaceId).toArray();
    return rows.filter((r) => !r.readable || r.fetchedTick < r.tick).sort((a, b) => b.tick - a.tick);
  }

  /** The document is on the device as of `tick` (a later change keeps it pending). */
  async fetched(docId: string, tick: number): Promise<void> {
    await this.db.fetches
      .where('[workspaceId+docId]')
      .equals([this.workspaceId, docId])
      .modify((row) => void (row.fetchedTick = Math.max(row.fetchedTick, tick)));
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

// Which copy of a rewritable document the device stores, and of which epoch (docs/decisions/0027): the transactions
// that keep a copy's rows from ever joining another's, whichever tab writes them.
import type { MaillageDb } from './db';

export interface Copy {
  epoch: number;
  /** '' for the copy a device had before any migration. */
  copy: string;
}

export const FIRST_COPY: Copy = { epoch: 0, copy: '' };

export class Copies {
  constructor(private readonly db: MaillageDb) {}

  /** Inside a transaction over `epochs`, or on its own. */
  async stored(workspaceId: string, docId: string): Promise<Copy> {
    const row = await this.db.epochs.get([workspaceId, docId]);
    return row ? { epoch: row.epoch, copy: row.copy } : FIRST_COPY;
  }

  /** Stores a row of `copy` unless another tab has replaced it since; returns whether it did. */
  async add(workspaceId: string, docId: string, copy: string, data: Uint8Array): Promise<boolean> {
    return this.db.transaction('rw', this.db.updates, this.db.epochs, async () => {
      if ((await this.stored(workspaceId, docId)).copy !== copy) return false;
      await this.db.updates.add({ workspaceId, docId, data });
      return true;
    });
  }

  /** The copy was served in `epoch` holding nothing older: same rows, new epoch (unless it was replaced meanwhile). */
  async adopt(workspaceId: string, docId: string, copy: string, epoch: number): Promise<void> {
    await this.db.transaction('rw', this.db.epochs, async () => {
      if ((await this.stored(workspaceId, docId)).copy === copy)
        await this.db.epochs.put({ workspaceId, docId, epoch, copy });
    });
  }

  /**
   * The copy `old` replaced by `copy`, a migrated doc of `epoch` (its whole state, `state()`): returns the copy its later
   * rows go to. If another tab migrated to the same epoch first, its copy and ours are of one epoch: ours joins it. If it
   * got further, ours is stale already: a copy no row matches, so nothing more of it is stored.
   */
  async replace(
    workspaceId: string,
    docId: string,
    { old, copy }: { old: string; copy: string },
    epoch: number,
    state: () => Uint8Array,
  ): Promise<string> {
    return this.db.transaction('rw', this.db.updates, this.db.epochs, async () => {
      const stored = await this.stored(workspaceId, docId);
      if (stored.epoch > epoch) return copy;
      if (stored.epoch === epoch && stored.copy !== old) {
        await this.db.updates.add({ workspaceId, docId, data: state() });
        return stored.copy;
      }
      await this.db.updates.where('[workspaceId+docId]').equals([workspaceId, docId]).delete();
      await this.db.updates.add({ workspaceId, docId, data: state() });
      await this.db.epochs.put({ workspaceId, docId, epoch, copy });
      return copy;
    });
  }
}

// Changes made on this device that the relay may not hold yet (a page closed before its socket sent them, an edit made
// offline), sent by the background sync whether or not a screen opens their document again (decision 0045).
import { OPEN_ROOM_KINDS, readMeta, type DocKind } from '@maillage/shared/docs';
import type { UnsentRow } from '../../store/db';
import type { DocStore } from '../../store/docStore';
import type { FetchQueue } from './fetchQueue';
import { relayHoldsEach, type RelayHolds } from './relayHolds';
import type { RoomSocketOptions } from './roomSocket';

/** Sends of a change the relay was not seen to keep (it refuses the write): after these the copy waits for its screen. */
export const UNSENT_TRIES = 3;
/** How often a refused change is looked for in the relay's copy: each look downloads the document's whole state. */
export const REFUSED_CHECK_MS = 5 * 60_000;

export interface UnsentOptions extends RoomSocketOptions {
  httpBase: string;
  store: DocStore;
  isLive?: (docId: string) => boolean;
  /** The clock refused changes are looked for by (Date.now; tests move it). */
  now?: () => number;
}

/** Syncs a document's copy with its room: what the relay lacks goes up. */
export type SyncOne = (docId: string) => Promise<'synced' | 'forbidden' | 'skipped'>;

/**
 * What the relay holds of a copy that is not all on it yet: sent again if it lacks the change (`held` false). A send the
 * relay served, or a refusal, is a try of the document's mark; a relay restarting or busy is asked again.
 */
export async function sendCountingTries(
  store: Pick<DocStore, 'countUnsentTry'>,
  mark: UnsentRow | undefined,
  docId: string,
  held: RelayHolds,
  syncOne: SyncOne,
): Promise<void> {
  if (held === 'forbidden') return void (mark && (await store.countUnsentTry(mark)));
  if (held === false && (await syncOne(docId)) !== 'skipped' && mark) await store.countUnsentTry(mark);
}

export interface UnsentTally {
  unsent: number;
  unsentRefused: string[];
}

export class UnsentChanges {
  /** The kinds of marked documents, read once (`mayMakeRoom`). */
  private readonly kinds = new Map<string, DocKind | null>();
  /** When each refused change was last looked for in the relay's copy (this page's life). */
  private readonly refusedChecked = new Map<string, number>();

  constructor(
    private readonly options: UnsentOptions,
    private readonly queue: FetchQueue,
    /** Syncs the device's copy with its room, as any background copy. */
    private readonly syncOne: SyncOne,
    private readonly stopped: () => boolean,
  ) {}

  /**
   * Of the marked documents no screen has open: how many still wait to be sent, and which the relay refused as many
   * times as it is tried (the member may no longer change them), which wait for their screen.
   */
  async tally(open: ReadonlySet<string>): Promise<UnsentTally> {
    const marks = await this.options.store.listUnsent(this.options.workspaceId);
    const closed = marks.filter((row) => !open.has(row.docId));
    return {
      unsent: closed.filter((row) => row.tries < UNSENT_TRIES).length,
      unsentRefused: closed.filter((row) => row.tries >= UNSENT_TRIES).map((row) => row.docId),
    };
  }

  /**
   * The marked documents no screen has open, in this tab or another (`open`), nor set aside: sent if the relay lacks
   * their change, or, once refused too often, only checked.
   */
  async sendAll(marks: readonly UnsentRow[], open: ReadonlySet<string>, setAside: ReadonlySet<string>): Promise<void> {
    const { isLive = () => false } = this.options;
    const due: UnsentRow[] = [];
    for (const unsent of marks) {
      const waits = isLive(unsent.docId) || open.has(unsent.docId) || setAside.has(unsent.docId);
      if (waits || (unsent.tries >= UNSENT_TRIES && !this.refusedDue(unsent.docId))) continue;
      if ((await this.queue.listed(unsent.docId)) || (await this.mayMakeRoom(unsent.docId))) due.push(unsent);
    }
    // The relay's copies, many to a request: a socket each cost the page, the browser and the relay about as much as
    // the rest of a round (decision 0044). A refused change is only looked for in a copy the relay gave (its screen
    // may have sent it since, once the member may write again), never sent nor asked for over a socket of its own.
    const rows = new Map(due.map((row) => [row.docId, row]));
    await relayHoldsEach(this.options, [...rows.keys()], (docId, held) => this.settle(rows.get(docId)!, held), {
      stopped: this.stopped,
      overSocket: (docId) => rows.get(docId)!.tries < UNSENT_TRIES,
    });
  }

  /** A refused change is looked for again at most every REFUSED_CHECK_MS (counted from a copy actually compared). */
  private refusedDue(docId: string): boolean {
    const last = this.refusedChecked.get(docId);
    return last === undefined || this.now() - last >= REFUSED_CHECK_MS;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** Sent, and the mark cleared once a later round sees the relay hold it; a refused one is only looked at. */
  private async settle(seen: UnsentRow, held: RelayHolds): Promise<void> {
    const { store } = this.options;
    if (held === true) return store.clearUnsent(seen);
    if (seen.tries >= UNSENT_TRIES) return void this.refusedChecked.set(seen.docId, this.now());
    await sendCountingTries(store, seen, seen.docId, held, this.syncOne);
  }

  /**
   * Whether sending this document may make its room on the relay. A restricted room's content goes only after its list
   * (its own sender sees to both: PendingShares, ReportSender); the feed lists it once it is there.
   */
  private async mayMakeRoom(docId: string): Promise<boolean> {
    const { store, workspaceId } = this.options;
    // A document's kind never changes once stamped: read once, not at every round.
    if (!this.kinds.has(docId)) {
      const local = await store.acquire(workspaceId, docId);
      try {
        this.kinds.set(docId, readMeta(local).kind);
      } finally {
        await store.release(workspaceId, docId);
      }
    }
    const kind = this.kinds.get(docId);
    return !!kind && OPEN_ROOM_KINDS.has(kind);
  }
}

// Compaction: a room's whole state written in place of its history once enough has changed since the last one.
import type { RoomStore } from './persistence';
import type { Room } from './room';
import type { EpochRewrites } from './epochRewrites';
import { RoomUnavailable } from './roomUnavailable';
import type { RoomsOptions } from './roomsOptions';
import type { SharedRooms } from './sharedStore/sharedRooms';

/** Rooms.read: reads a room's state, or quarantines it and throws RoomUnavailable. */
type ReadRoom = <T>(room: Room, read: (room: Room) => T) => T;

/**
 * Compaction's share of one forwarded batch, that is of one turn of the event loop. Past it, rooms still due wait for
 * their next stored update: rooms that came due together (opened together, written at the same pace) are compacted
 * over several turns, instead of holding every socket for hundreds of milliseconds in one (docs/decisions/0020).
 */
export const COMPACTION_MS_PER_TURN = 8;

export class Compaction {
  constructor(
    private readonly store: RoomStore,
    private readonly options: RoomsOptions,
    private readonly rewrites: EpochRewrites,
    private readonly sharedRooms: SharedRooms | undefined,
    private readonly read: ReadRoom,
  ) {}

  /** Time spent compacting for the batch being forwarded. */
  private spent = 0;

  /** A new batch (one per turn): compaction has its whole share again. */
  startBatch(): void {
    this.spent = 0;
  }

  /**
   * A compaction writes the room's whole state, so it waits until at least as many bytes were stored since the last
   * one: what compacting costs stays in proportion to what changed, however large the room (docs/decisions/0020).
   */
  ifDue(room: Room): void {
    const due = room.storedUpdates > this.options.compactAfterUpdates && room.storedBytes >= room.compactedBytes;
    if (!due || room.failed || this.spent >= COMPACTION_MS_PER_TURN) return;
    const started = performance.now();
    this.run(room);
    this.spent += performance.now() - started;
  }

  /** Everything received is on disk at this point (flush ran), so the room's history is exactly the stored one. */
  run(room: Room): void {
    if (this.sharedRooms) return this.sharedRooms.compact(room);
    try {
      const state = this.read(room, (r) => r.fullState());
      if (this.rewrites.due(room, state) && this.rewrites.start(room, state)) return;
      this.store.replace(room.name, state);
      this.options.heads?.compacted(room.name, this.store.lastSeq(room.name));
      this.options.quota?.compacted(room.name, state.byteLength);
      room.storedUpdates = 1;
      room.storedBytes = 0;
      room.compactedBytes = state.byteLength;
    } catch (err) {
      if (err instanceof RoomUnavailable) return; // quarantined: its history stays as it was, for the operator
      // The replace is one transaction: on failure the history stays as it was, complete, just not compacted.
      this.options.log('compact_error', { room: room.name, error: err instanceof Error ? err.message : String(err) });
    }
  }
}

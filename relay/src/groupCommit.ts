// Group commit: every update received in a turn is stored in one write, then forwarded, then its room compacted if due.
import type { WebSocket } from 'ws';
import type { RoomStore } from './persistence';
import type { Room } from './room';
import type { Compaction } from './compaction';
import { isEmptyUpdate, updateMessageLength } from './protocol';
import type { RoomSockets } from './roomSockets';
import type { Pending, RoomsOptions } from './roomsOptions';
import type { SharedRooms } from './sharedStore/sharedRooms';

export class GroupCommit {
  private pending: Pending[] = [];
  private flushScheduled = false;

  constructor(
    private readonly store: RoomStore,
    private readonly options: RoomsOptions,
    private readonly sockets: RoomSockets,
    private readonly sharedRooms: SharedRooms | undefined,
    private readonly compaction: Compaction,
  ) {}

  /**
   * Adds a client's update to the room; it is written to disk with the others of this turn, then forwarded.
   * Throws when it is not an update Yjs can integrate: nothing is then stored or forwarded.
   */
  receive(room: Room, update: Uint8Array, from: WebSocket): void {
    // Every client answers the relay's sync step 1; most lack nothing. Storing and forwarding that empty answer added
    // a row per connection to the room's history and a message to each of its sockets.
    if (isEmptyUpdate(update) || room.failed) return;
    if (this.options.quota && !this.options.quota.allows(room.name, update.byteLength))
      return this.sockets.refuseOverQuota(room, from);
    room.apply(update);
    this.pending.push({ room, update, from });
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /** One transaction for every update received in this turn, then forward, then compact. */
  flush(): void {
    this.flushScheduled = false;
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    if (this.sharedRooms) return this.sharedRooms.append(batch);
    const started = performance.now();
    try {
      this.store.appendBatch(batch.map(({ room, update }) => ({ room: room.name, update })));
      this.options.metrics.observePersist((performance.now() - started) / 1000, batch.length);
      this.options.quota?.stored(batch.map(({ room, update }) => ({ room: room.name, update })));
    } catch (err) {
      this.sockets.refuseBatch(batch, err);
      return;
    }
    this.forward(batch);
  }

  /** Forwards a stored batch, then compacts the rooms that are due. */
  forward(batch: Pending[]): void {
    const touched = new Set<Room>();
    for (const { room, update, from } of batch) {
      const sent = room.broadcastUpdate(update, from);
      this.options.metrics.bytesOut += sent * updateMessageLength(update.byteLength);
      room.storedUpdates++;
      room.storedBytes += update.byteLength;
      touched.add(room);
    }
    this.compaction.startBatch();
    for (const room of touched) {
      this.options.heads?.changed(room.name, this.store.lastSeq(room.name));
      this.compaction.ifDue(room);
    }
  }
}

// Room lifecycle: load once from disk, group-commit updates before forwarding them, compact, evict when idle.
import type { WebSocket } from 'ws';
import { CloseCode, closeReasons } from '@maillage/shared';
import type { RoomStore } from './persistence';
import { Room } from './room';
import { isEmptyUpdate, updateMessageLength } from './protocol';
import type { Metrics } from './metrics';

interface Pending {
  room: Room;
  update: Uint8Array;
  from: WebSocket;
}

export interface RoomsOptions {
  evictAfterMs: number;
  compactAfterUpdates: number;
  maxBufferedBytes: number;
  log: (event: string, fields?: Record<string, unknown>) => void;
  metrics: Metrics;
}

export class Rooms {
  private readonly rooms = new Map<string, Room>();
  private pending: Pending[] = [];
  private flushScheduled = false;
  loads = 0;

  constructor(private readonly store: RoomStore, private readonly options: RoomsOptions) {}

  get size(): number {
    return this.rooms.size;
  }

  /** The room, loaded from disk first if it is not in memory. Synchronous: a room is loaded exactly once. */
  acquire(name: string, ws: WebSocket): Room {
    let room = this.rooms.get(name);
    if (!room) {
      room = new Room(name, this.store.load(name), this.closeSlowReader, this.options.maxBufferedBytes, (err) =>
        this.options.log('update_not_integrated', { room: name, error: err instanceof Error ? err.message : String(err) }),
      );
      this.loads++;
      this.rooms.set(name, room);
    }
    if (room.evictTimer) {
      clearTimeout(room.evictTimer);
      room.evictTimer = null;
    }
    room.conns.set(ws, new Set());
    return room;
  }

  release(room: Room, ws: WebSocket): void {
    room.removeConn(ws);
    if (room.conns.size === 0 && !room.evictTimer) {
      room.evictTimer = setTimeout(() => this.evict(room), this.options.evictAfterMs);
      room.evictTimer.unref();
    }
  }

  /**
   * Adds a client's update to the room; it is written to disk with the others of this turn, then forwarded.
   * Throws when it is not an update Yjs can integrate: nothing is then stored or forwarded.
   */
  receive(room: Room, update: Uint8Array, from: WebSocket): void {
    // Every client answers the relay's sync step 1; most lack nothing. Storing and forwarding that empty answer added
    // a row per connection to the room's history and a message to each of its sockets.
    if (isEmptyUpdate(update)) return;
    room.apply(update);
    this.pending.push({ room, update, from });
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /** Group commit: one transaction for every update received in this turn, then forward, then compact. */
  flush(): void {
    this.flushScheduled = false;
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    const started = performance.now();
    try {
      this.store.appendBatch(batch.map(({ room, update }) => ({ room: room.name, update })));
      this.options.metrics.observePersist((performance.now() - started) / 1000, batch.length);
    } catch (err) {
      // Not on disk, so not forwarded: the senders still hold these edits and resend them on reconnect.
      this.options.log('store_error', { error: err instanceof Error ? err.message : String(err), updates: batch.length });
      for (const { from } of batch) {
        this.options.metrics.countRefusal('storeUnavailable');
        from.close(CloseCode.storeUnavailable, closeReasons.storeUnavailable);
      }
      return;
    }
    const touched = new Set<Room>();
    for (const { room, update, from } of batch) {
      const sent = room.broadcastUpdate(update, from);
      this.options.metrics.bytesOut += sent * updateMessageLength(update.byteLength);
      room.storedUpdates++;
      room.storedBytes += update.byteLength;
      touched.add(room);
    }
    for (const room of touched) {
      if (this.compactionDue(room)) this.compact(room);
    }
  }

  /**
   * A compaction writes the room's whole state, so it waits until at least as many bytes were stored since the last
   * one: what compacting costs stays in proportion to what changed, however large the room (docs/decisions/0020).
   */
  private compactionDue(room: Room): boolean {
    return room.storedUpdates > this.options.compactAfterUpdates && room.storedBytes >= room.compactedBytes;
  }

  /** Everything received is on disk at this point (flush ran), so the room's history is exactly the stored one. */
  private compact(room: Room): void {
    try {
      const state = room.fullState();
      this.store.replace(room.name, state);
      room.storedUpdates = 1;
      room.storedBytes = 0;
      room.compactedBytes = state.byteLength;
    } catch (err) {
      // The replace is one transaction: on failure the history stays as it was, complete, just not compacted.
      this.options.log('compact_error', { room: room.name, error: err instanceof Error ? err.message : String(err) });
    }
  }

  private evict(room: Room): void {
    room.evictTimer = null;
    if (room.conns.size > 0) return;
    this.flush();
    if (room.storedUpdates > 1) this.compact(room);
    room.destroy();
    this.rooms.delete(room.name);
    this.store.forget(room.name);
  }

  /** Writes everything down and closes every socket: the SIGTERM path. */
  shutdown(): void {
    this.flush();
    for (const room of this.rooms.values()) {
      for (const ws of room.conns.keys()) ws.close(CloseCode.shuttingDown, closeReasons.shuttingDown);
      if (room.storedUpdates > 1) this.compact(room);
      if (room.evictTimer) clearTimeout(room.evictTimer);
      room.destroy();
    }
    this.rooms.clear();
  }

  private readonly closeSlowReader = (ws: WebSocket): void => {
    this.options.log('slow_reader', { buffered: ws.bufferedAmount });
    this.options.metrics.countRefusal('slowReader');
    ws.close(CloseCode.slowReader, closeReasons.slowReader);
  };
}

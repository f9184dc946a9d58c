// Rooms in the shared store (docs/decisions/0040): read from it once, their updates appended to their stream, the other
// relays' updates and presence followed, their states compacted under the room's lease.
import * as awarenessProtocol from 'y-protocols/awareness';
import type { Room } from '../room';
import { updateMessageLength } from '../protocol';
import type { RoomSockets } from '../roomSockets';
import { messageOf, type Pending, type Refusal, type RoomsOptions } from '../roomsOptions';
import type { SharedRoomLog } from './sharedRoomLog';
import type { StreamEntry } from './roomStreams';

/** What Rooms does for its shared-store part: the steps that are the same whatever the store. */
export interface SharedRoomsHost {
  /** Builds the room from its history and holds it in memory, or quarantines it. */
  create(name: string, history: Uint8Array[]): Room | Refusal;
  isQuarantined(name: string): boolean;
  read<T>(room: Room, read: (room: Room) => T): T;
  /** Forwards a stored batch, then compacts the rooms that are due. */
  forward(batch: Pending[]): void;
  compactIfDue(room: Room): void;
  /** Drops the room from memory (and from the followed streams) if it is still the one held. */
  letGo(room: Room): void;
}

/** The origin of presence changes applied from other relays: not published again. */
const FROM_OTHER_RELAYS = Symbol('other relays');

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

export class SharedRooms {
  /** Rooms being read, so that sockets arriving meanwhile wait for the same load. */
  private readonly loading = new Map<string, Promise<Room | Refusal>>();
  /** The origin each room in memory tags its appends with (its own entries are not integrated twice). */
  private readonly origins = new WeakMap<Room, string>();
  /** Appends and compactions not settled yet, which a shutdown waits for. */
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly shared: SharedRoomLog,
    private readonly options: RoomsOptions,
    private readonly sockets: RoomSockets,
    private readonly host: SharedRoomsHost,
  ) {}

  /** The room read from the shared store; a load under way is shared by every socket that asks meanwhile. */
  load(name: string): Promise<Room | Refusal> {
    let loading = this.loading.get(name);
    if (!loading) {
      loading = this.loadShared(name);
      this.loading.set(name, loading);
      const done = () => void this.loading.delete(name);
      loading.then(done, done);
    }
    return loading;
  }

  /** Reads the room from the shared store, then follows its stream for the other relays' updates. */
  private async loadShared(name: string): Promise<Room | Refusal> {
    const { shared } = this;
    let loaded: Awaited<ReturnType<SharedRoomLog['load']>>;
    try {
      loaded = await shared.load(name);
    } catch (err) {
      this.options.log('store_error', { room: name, error: messageOf(err) });
      return 'storeUnavailable';
    }
    if (this.host.isQuarantined(name)) return 'roomUnavailable';
    const room = this.host.create(name, loaded.history);
    if (typeof room === 'string') return room;
    const origin = shared.newOrigin();
    this.origins.set(room, origin);
    shared.follow(name, loaded.cursor, origin, (entries) => this.receiveFromOthers(room, entries));
    // Presence crosses relays on a channel of the room: what its sockets change is published, what the other relays'
    // publish is applied here and so reaches its sockets (Room broadcasts every change of its awareness).
    room.awareness.on('update', ({ added, updated, removed }: AwarenessChange, from: unknown) => {
      // A state that timed out here is each relay's own judgement: the others time it out by themselves.
      if (from === FROM_OTHER_RELAYS || from === 'timeout') return;
      const changed = [...added, ...updated, ...removed];
      shared.publishPresence(name, origin, awarenessProtocol.encodeAwarenessUpdate(room.awareness, changed));
    });
    shared.followPresence(name, origin, (update) => {
      if (!room.failed) awarenessProtocol.applyAwarenessUpdate(room.awareness, update, FROM_OTHER_RELAYS);
    });
    return room;
  }

  /**
   * Another relay's updates, in its stream order: validated there and in the stream already, so integrated and forwarded
   * to this relay's sockets as they are.
   */
  private receiveFromOthers(room: Room, entries: StreamEntry[]): void {
    if (room.failed) return;
    for (const { update } of entries) {
      room.applyValidated(update);
      const sent = room.broadcastUpdate(update, null);
      this.options.metrics.bytesOut += sent * updateMessageLength(update.byteLength);
      room.storedUpdates++;
      room.storedBytes += update.byteLength;
    }
    // No head here: the relay that took them recorded it in the shared change feed (sharedHeads.ts).
    this.host.compactIfDue(room);
  }

  /** One pipeline of XADDs for the turn; forwarded once Redis has acknowledged all of it, in order. */
  append(batch: Pending[]): void {
    const started = performance.now();
    const appended = this.shared
      .append(batch.map(({ room, update }) => ({ room: room.name, update, origin: this.origins.get(room) ?? '' })))
      .then(
        () => {
          this.options.metrics.observePersist((performance.now() - started) / 1000, batch.length);
          this.host.forward(batch);
        },
        (err: unknown) => {
          this.sockets.refuseBatch(batch, err);
          for (const room of new Set(batch.map((p) => p.room))) this.discard(room);
        },
      );
    this.track(appended);
  }

  /**
   * A room whose appends Redis refused holds in memory what the store does not: its clients, reconnecting, would see
   * their edits in its state vector and never send them again, and the other relays would never receive them. It is
   * dropped and its sockets closed (4503): they reconnect to a room read again from the store, and resend.
   */
  private discard(room: Room): void {
    if (room.failed) return;
    // Never compacted nor evicted from here on: its state is not the store's (read() refuses a failed room).
    room.failed = true;
    this.options.log('room_discarded', { room: room.name, reason: 'storeUnavailable' });
    for (const ws of room.conns.keys()) this.sockets.refuse(ws, 'storeUnavailable');
    this.host.letGo(room);
  }

  /**
   * The state this relay holds covers its stream up to its cursor: written to Postgres under the room's lease, then the
   * stream trimmed (sharedRoomLog.ts). The count starts over whoever compacts: busy means another relay is at it.
   */
  compact(room: Room): void {
    let state: Uint8Array;
    try {
      state = this.host.read(room, (r) => r.fullState());
    } catch {
      return; // quarantined: its stream stays as it was, for the operator
    }
    const covers = this.shared.cursor(room.name);
    room.storedUpdates = 1;
    room.storedBytes = 0;
    room.compactedBytes = state.byteLength;
    const started = performance.now();
    this.track(
      this.shared.compact(room.name, state, covers).then(
        (outcome) =>
          this.options.log('compacted', {
            room: room.name,
            outcome,
            bytes: state.byteLength,
            ms: Math.round(performance.now() - started),
          }),
        (err: unknown) => this.options.log('compact_error', { room: room.name, error: messageOf(err) }),
      ),
    );
  }

  private track(work: Promise<unknown>): void {
    this.inFlight.add(work);
    const done = () => void this.inFlight.delete(work);
    work.then(done, done);
  }

  /** Waits for the appends and compactions under way. */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }
}

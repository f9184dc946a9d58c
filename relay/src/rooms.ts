// The rooms in memory: each loaded once, joined and left, evicted when idle, quarantined when unreadable. Storing,
// compacting and the shared store are done by the parts it holds (groupCommit.ts, compaction.ts, sharedStore/).
import type { WebSocket } from 'ws';
import { CloseCode, closeReasons } from '@maillage/shared/sync';
import type { RoomStore } from './persistence';
import { RoomEpochs } from './epochs';
import type { SocketEpoch } from './epochGate';
import { EpochRewrites } from './epochRewrites';
import { Room } from './room';
import { Quarantine } from './quarantine';
import { Compaction } from './compaction';
import { GroupCommit } from './groupCommit';
import { RoomSockets } from './roomSockets';
import { RoomUnavailable } from './roomUnavailable';
import { messageOf, type Refusal, type RoomsOptions } from './roomsOptions';
import { SharedRooms } from './sharedStore/sharedRooms';

export { RoomUnavailable } from './roomUnavailable';
export type { RoomsOptions } from './roomsOptions';

/** The state vector of a copy that holds nothing. */
const NOTHING = new Uint8Array([0]);

export class Rooms {
  private readonly rooms = new Map<string, Room>();
  loads = 0;
  private readonly quarantine: Quarantine;
  /** Told when a room is quarantined (server.ts writes it to the journal). */
  onQuarantined: (room: string) => void = () => {};
  readonly epochs: RoomEpochs;
  private readonly sockets: RoomSockets;
  private readonly rewrites: EpochRewrites;
  /** Set with a shared store: its rooms load asynchronously and their updates go to its streams. */
  private readonly sharedRooms: SharedRooms | undefined;
  private readonly compaction: Compaction;
  private readonly commits: GroupCommit;

  constructor(
    private readonly store: RoomStore,
    private readonly options: RoomsOptions,
  ) {
    this.quarantine = new Quarantine(store.db);
    options.metrics.roomsQuarantined = this.quarantine.size;
    this.epochs = new RoomEpochs(store);
    this.sockets = new RoomSockets(options);
    this.rewrites = new EpochRewrites(this.epochs, options, this.sockets);
    this.sharedRooms =
      options.shared &&
      new SharedRooms(options.shared, options, this.sockets, {
        create: (name, history) => this.create(name, history),
        isQuarantined: (name) => this.isQuarantined(name),
        read: (room, read) => this.read(room, read),
        forward: (batch) => this.commits.forward(batch),
        compactIfDue: (room) => this.compaction.ifDue(room),
        letGo: (room) => this.letGo(room),
      });
    this.compaction = new Compaction(store, options, this.rewrites, this.sharedRooms, (room, read) =>
      this.read(room, read),
    );
    this.commits = new GroupCommit(store, options, this.sockets, this.sharedRooms, this.compaction);
    if (options.shared) options.shared.quarantine.onQuarantinedElsewhere = (name) => this.closeQuarantined(name);
  }

  get size(): number {
    return this.rooms.size;
  }

  /**
   * The room for a socket, as `acquire` gives it; with a shared store a room not in memory is read asynchronously
   * (docs/decisions/0040): the promise resolves when it is loaded and the socket joined, or null when the socket was
   * refused (closed with a named code) or closed by its peer meanwhile.
   */
  enter(name: string, ws: WebSocket): Room | Promise<Room | null> | null {
    const { sharedRooms } = this;
    if (!sharedRooms || this.rooms.has(name) || this.isQuarantined(name)) return this.acquire(name, ws);
    return sharedRooms.load(name).then((room) => {
      if (typeof room === 'string') return ws.readyState === ws.OPEN ? this.sockets.refuse(ws, room) : null;
      if (ws.readyState === ws.OPEN) return this.join(room, ws);
      // Gone while the room loaded: the room is let go like one its last socket left.
      if (room.conns.size === 0) this.scheduleEviction(room);
      return null;
    });
  }

  /**
   * The room, loaded from disk first if it is not in memory. Synchronous: a room is loaded exactly once. Null when the
   * socket was closed instead: the room is quarantined (4422), or the store could not be read (4503, worth a retry).
   */
  acquire(name: string, ws: WebSocket): Room | null {
    if (this.isQuarantined(name)) return this.sockets.refuse(ws, 'roomUnavailable');
    const room = this.rooms.get(name) ?? this.loadFromStore(name);
    return typeof room === 'string' ? this.sockets.refuse(ws, room) : this.join(room, ws);
  }

  /** Loads a room not in memory from this relay's store. */
  private loadFromStore(name: string): Room | Refusal {
    let history: Uint8Array[];
    let epoch: ReturnType<RoomEpochs['current']>;
    try {
      history = this.store.load(name);
      epoch = this.epochs.current(name);
    } catch (err) {
      // The store failing is not the room's fault: nothing is kept, and the next connection tries again.
      this.options.log('store_error', { room: name, error: messageOf(err) });
      return 'storeUnavailable';
    }
    const room = this.create(name, history);
    if (typeof room === 'string') return room;
    room.epoch = epoch.epoch;
    room.rewriter = epoch.rewriter;
    return room;
  }

  /**
   * The room's whole state, as a socket with nothing would be sent it, for a reader without a socket (GET /fetch): a
   * room not in memory is loaded, then let go as one its last socket left.
   */
  async stateFor(name: string): Promise<Uint8Array | Refusal> {
    if (this.isQuarantined(name)) return 'roomUnavailable';
    const room =
      this.rooms.get(name) ?? (this.sharedRooms ? await this.sharedRooms.load(name) : this.loadFromStore(name));
    if (typeof room === 'string') return room;
    if (this.options.purges?.(room.name)) room.startPurging();
    if (room.conns.size === 0) this.scheduleEviction(room);
    try {
      return this.read(room, (r) => r.missingFrom(NOTHING));
    } catch (err) {
      if (err instanceof RoomUnavailable) return 'roomUnavailable';
      throw err;
    }
  }

  private create(name: string, history: Uint8Array[]): Room | Refusal {
    let room: Room;
    try {
      room = new Room(
        name,
        history,
        this.sockets.closeSlowReader,
        this.options.maxBufferedBytes,
        (err) => this.options.log('update_not_integrated', { room: name, error: messageOf(err) }),
        this.options.purges?.(name) ?? false,
      );
    } catch (err) {
      this.quarantineRoom(name, err);
      return 'roomUnavailable';
    }
    this.loads++;
    this.rooms.set(name, room);
    return room;
  }

  private join(room: Room, ws: WebSocket): Room {
    if (this.options.purges?.(room.name)) room.startPurging();
    if (room.evictTimer) {
      clearTimeout(room.evictTimer);
      room.evictTimer = null;
    }
    room.conns.set(ws, new Set());
    return room;
  }

  /** A room in memory whose list just became a report's purges from now on (decision 0042). */
  startPurging(name: string): void {
    const room = this.rooms.get(name);
    if (room && !room.failed) this.read(room, (r) => r.startPurging());
  }

  /** Whether connections to this room are refused until an operator releases it (README: quarantined rooms). */
  isQuarantined(name: string): boolean {
    return this.options.shared ? this.options.shared.quarantine.has(name) : this.quarantine.has(name);
  }

  /**
   * Reads the room's state (what builds and integrates its doc: a sync answer, a compaction). If that throws, a stack
   * overflow included, the room is quarantined, its sockets closed, and RoomUnavailable thrown: every other room goes on.
   */
  read<T>(room: Room, read: (room: Room) => T): T {
    if (room.failed) throw new RoomUnavailable(room.name);
    try {
      return read(room);
    } catch (err) {
      room.failed = true;
      this.quarantineRoom(room.name, err);
      for (const ws of room.conns.keys()) this.sockets.refuse(ws, 'roomUnavailable');
      this.letGo(room);
      this.store.forget(room.name);
      throw new RoomUnavailable(room.name);
    }
  }

  private quarantineRoom(name: string, err: unknown): void {
    const error = messageOf(err);
    // Shared by every relay when there are several (0040): kept in Postgres, not in this relay's SQLite.
    const quarantine = this.options.shared?.quarantine ?? this.quarantine;
    quarantine.add(name, error);
    this.options.metrics.roomsQuarantined = quarantine.size;
    this.options.log('room_quarantined', { room: name, error });
    this.onQuarantined(name);
  }

  /** Another relay quarantined the room: its sockets here are closed as its own would be. */
  private closeQuarantined(name: string): void {
    const room = this.rooms.get(name);
    if (!room || room.failed) return;
    room.failed = true;
    this.options.log('room_quarantined', { room: name, elsewhere: true });
    for (const ws of room.conns.keys()) this.sockets.refuse(ws, 'roomUnavailable');
    this.letGo(room);
  }

  /** A failed room dropped from memory (and from the followed streams) if it is still the one held. */
  private letGo(room: Room): void {
    if (room.evictTimer) clearTimeout(room.evictTimer);
    room.destroy();
    if (this.rooms.get(room.name) === room) {
      this.rooms.delete(room.name);
      this.options.shared?.unfollow(room.name);
    }
  }

  release(room: Room, ws: WebSocket): void {
    room.removeConn(ws);
    if (room.conns.size === 0) this.scheduleEviction(room);
  }

  private scheduleEviction(room: Room): void {
    if (room.evictTimer || room.failed) return;
    room.evictTimer = setTimeout(() => this.evict(room), this.options.evictAfterMs);
    room.evictTimer.unref();
  }

  /**
   * Adds a client's update to the room; it is written to disk with the others of this turn, then forwarded.
   * Throws when it is not an update Yjs can integrate: nothing is then stored or forwarded.
   */
  receive(room: Room, update: Uint8Array, from: WebSocket): void {
    this.commits.receive(room, update, from);
  }

  /** Group commit: one transaction for every update received in this turn, then forward, then compact. */
  flush(): void {
    this.commits.flush();
  }

  /** Waits for the shared store's appends and compactions under way (the SQLite store has none: it is synchronous). */
  async settled(): Promise<void> {
    await this.sharedRooms?.settled();
  }

  /** Records which epoch a socket declared and is served in (connection.ts decides; a new epoch closes it). */
  trackEpoch(ws: WebSocket, socket: SocketEpoch): void {
    this.rewrites.track(ws, socket);
  }

  private evict(room: Room): void {
    room.evictTimer = null;
    if (room.conns.size > 0) return;
    this.flush();
    if (room.storedUpdates > 1) this.compaction.run(room);
    if (room.failed) return; // quarantined while compacting: already let go
    room.destroy();
    this.rooms.delete(room.name);
    this.store.forget(room.name);
    this.options.shared?.unfollow(room.name);
  }

  /** Writes everything down and closes every socket: the SIGTERM path. */
  shutdown(): void {
    this.flush();
    for (const room of this.rooms.values()) {
      for (const ws of room.conns.keys()) ws.close(CloseCode.shuttingDown, closeReasons.shuttingDown);
      if (room.storedUpdates > 1) this.compaction.run(room);
      if (room.evictTimer) clearTimeout(room.evictTimer);
      if (!room.failed) room.destroy();
    }
    this.rooms.clear();
  }

  /**
   * Answers one socket (its sync step 1, its presence query), built only if it will be sent: past maxBufferedBytes it is
   * cut off as a broadcast's slow reader is. Returns the bytes sent.
   */
  reply(ws: WebSocket, build: () => Uint8Array): number {
    return this.sockets.reply(ws, build);
  }
}

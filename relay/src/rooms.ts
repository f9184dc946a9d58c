// Room lifecycle: load once from disk, group-commit updates before forwarding them, compact, evict when idle, quarantine.
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { CloseCode, closeReasons } from '@maillage/shared/sync';
import type { RoomStore } from './persistence';
import { RoomEpochs } from './epochs';
import { migrateNotice, type SocketEpoch } from './epochGate';
import { Room } from './room';
import { Quarantine } from './quarantine';
import { isEmptyUpdate, updateMessageLength } from './protocol';
import type { Metrics } from './metrics';
import type { WorkspaceQuota } from './workspaceQuota';
import type { SharedRoomLog } from './sharedStore/sharedRoomLog';
import type { StreamEntry } from './sharedStore/roomStreams';

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
  /** Told of each room a commit or a compaction wrote, with its last seq: the change feed's heads (heads.ts). */
  heads?: { changed(room: string, seq: number): void; compacted(room: string, seq: number): void };
  /** MAX_WORKSPACE_MB: a workspace past it has its writes refused, the others go on. */
  quota?: WorkspaceQuota;
  /**
   * A collecting room starts a new epoch (docs/decisions/0027) at a compaction whose state is at least epochMinBytes
   * and more than epochGrowth times the size of its content rewritten.
   */
  epochMinBytes?: number;
  epochGrowth?: number;
  /** Whether a room purges its deleted content (a report's room: its list's kind, set before any byte flows). */
  purges?: (room: string) => boolean;
  /**
   * Set when this relay is one of several (docs/decisions/0040): rooms' updates go to their Redis stream and compacted
   * states to Postgres; the SQLite store keeps the rest (quarantine, epochs' records). Rooms then load asynchronously,
   * and are never rewritten into a new epoch.
   */
  shared?: SharedRoomLog;
}

/** The origin of presence changes applied from other relays: not published again. */
const FROM_OTHER_RELAYS = Symbol('other relays');

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/** A room that could not be had: quarantined, or its store unreadable (worth a retry). */
type Refusal = 'roomUnavailable' | 'storeUnavailable';

export const EPOCH_MIN_BYTES = 64 * 1024;
export const EPOCH_GROWTH = 1.25;

/** Thrown by Rooms.read for a room whose state could not be read: it is quarantined, and never the client's fault. */
export class RoomUnavailable extends Error {
  constructor(readonly room: string) {
    super(`room ${room} is unavailable`);
  }
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

export class Rooms {
  private readonly rooms = new Map<string, Room>();
  private pending: Pending[] = [];
  private flushScheduled = false;
  loads = 0;
  private readonly quarantine: Quarantine;
  /** Told when a room is quarantined (server.ts writes it to the journal). */
  onQuarantined: (room: string) => void = () => {};
  readonly epochs: RoomEpochs;
  /** The epoch each socket declared and is served in (connection.ts), for when its room starts a new one. */
  private readonly socketEpochs = new WeakMap<WebSocket, SocketEpoch>();
  /** Shared store: rooms being read, so that sockets arriving meanwhile wait for the same load. */
  private readonly loading = new Map<string, Promise<Room | Refusal>>();
  /** Shared store: the origin each room in memory tags its appends with (its own entries are not integrated twice). */
  private readonly origins = new WeakMap<Room, string>();
  /** Shared store: appends and compactions not settled yet, which a shutdown waits for. */
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly store: RoomStore,
    private readonly options: RoomsOptions,
  ) {
    this.quarantine = new Quarantine(store.db);
    options.metrics.roomsQuarantined = this.quarantine.size;
    this.epochs = new RoomEpochs(store);
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
    const { shared } = this.options;
    if (!shared || this.rooms.has(name) || this.isQuarantined(name)) return this.acquire(name, ws);
    let loading = this.loading.get(name);
    if (!loading) {
      loading = this.loadShared(name, shared);
      this.loading.set(name, loading);
      const done = () => void this.loading.delete(name);
      loading.then(done, done);
    }
    return loading.then((room) => {
      if (typeof room === 'string') return ws.readyState === ws.OPEN ? this.refuse(ws, room) : null;
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
    if (this.isQuarantined(name)) return this.refuse(ws, 'roomUnavailable');
    const held = this.rooms.get(name);
    if (held) return this.join(held, ws);
    let history: Uint8Array[];
    let epoch: ReturnType<RoomEpochs['current']>;
    try {
      history = this.store.load(name);
      epoch = this.epochs.current(name);
    } catch (err) {
      // The store failing is not the room's fault: nothing is kept, and the next connection tries again.
      this.options.log('store_error', { room: name, error: messageOf(err) });
      return this.refuse(ws, 'storeUnavailable');
    }
    const room = this.create(name, history);
    if (typeof room === 'string') return this.refuse(ws, room);
    room.epoch = epoch.epoch;
    room.rewriter = epoch.rewriter;
    return this.join(room, ws);
  }

  private create(name: string, history: Uint8Array[]): Room | Refusal {
    let room: Room;
    try {
      room = new Room(
        name,
        history,
        this.closeSlowReader,
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

  /** Reads the room from the shared store, then follows its stream for the other relays' updates (docs/decisions/0040). */
  private async loadShared(name: string, shared: SharedRoomLog): Promise<Room | Refusal> {
    let loaded: Awaited<ReturnType<SharedRoomLog['load']>>;
    try {
      loaded = await shared.load(name);
    } catch (err) {
      this.options.log('store_error', { room: name, error: messageOf(err) });
      return 'storeUnavailable';
    }
    if (this.isQuarantined(name)) return 'roomUnavailable';
    const room = this.create(name, loaded.history);
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
    if (this.compactionDue(room) && !room.failed) this.compact(room);
  }

  /** Whether connections to this room are refused until an operator releases it (README: quarantined rooms). */
  isQuarantined(name: string): boolean {
    return this.quarantine.has(name);
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
      for (const ws of room.conns.keys()) this.refuse(ws, 'roomUnavailable');
      if (room.evictTimer) clearTimeout(room.evictTimer);
      room.destroy();
      if (this.rooms.get(room.name) === room) {
        this.rooms.delete(room.name);
        this.options.shared?.unfollow(room.name);
      }
      this.store.forget(room.name);
      throw new RoomUnavailable(room.name);
    }
  }

  private quarantineRoom(name: string, err: unknown): void {
    const error = messageOf(err);
    this.quarantine.add(name, error);
    this.options.metrics.roomsQuarantined = this.quarantine.size;
    this.options.log('room_quarantined', { room: name, error });
    this.onQuarantined(name);
  }

  private refuse(ws: WebSocket, code: 'roomUnavailable' | 'storeUnavailable'): null {
    this.options.metrics.countRefusal(code);
    ws.close(CloseCode[code], closeReasons[code]);
    return null;
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
    // Every client answers the relay's sync step 1; most lack nothing. Storing and forwarding that empty answer added
    // a row per connection to the room's history and a message to each of its sockets.
    if (isEmptyUpdate(update) || room.failed) return;
    if (this.options.quota && !this.options.quota.allows(room.name, update.byteLength))
      return this.refuseOverQuota(room, from);
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
    if (this.options.shared) return this.flushShared(batch, this.options.shared);
    const started = performance.now();
    try {
      this.store.appendBatch(batch.map(({ room, update }) => ({ room: room.name, update })));
      this.options.metrics.observePersist((performance.now() - started) / 1000, batch.length);
      this.options.quota?.stored(batch.map(({ room, update }) => ({ room: room.name, update })));
    } catch (err) {
      this.refuseBatch(batch, err);
      return;
    }
    this.forward(batch);
  }

  /** One pipeline of XADDs for the turn; forwarded once Redis has acknowledged all of it, in order (docs/decisions/0040). */
  private flushShared(batch: Pending[], shared: SharedRoomLog): void {
    const started = performance.now();
    const appended = shared
      .append(batch.map(({ room, update }) => ({ room: room.name, update, origin: this.origins.get(room) ?? '' })))
      .then(
        () => {
          this.options.metrics.observePersist((performance.now() - started) / 1000, batch.length);
          this.forward(batch);
        },
        (err: unknown) => {
          this.refuseBatch(batch, err);
          for (const room of new Set(batch.map((p) => p.room))) this.discard(room, shared);
        },
      );
    this.track(appended);
  }

  /** Not stored, so not forwarded: the senders still hold these edits and resend them on reconnect. */
  private refuseBatch(batch: Pending[], err: unknown): void {
    this.options.log('store_error', { error: messageOf(err), updates: batch.length });
    for (const { from } of batch) {
      this.options.metrics.countRefusal('storeUnavailable');
      from.close(CloseCode.storeUnavailable, closeReasons.storeUnavailable);
    }
  }

  /**
   * A room whose appends Redis refused holds in memory what the store does not: its clients, reconnecting, would see
   * their edits in its state vector and never send them again, and the other relays would never receive them. It is
   * dropped and its sockets closed (4503): they reconnect to a room read again from the store, and resend.
   */
  private discard(room: Room, shared: SharedRoomLog): void {
    if (room.failed) return;
    // Never compacted nor evicted from here on: its state is not the store's (read() refuses a failed room).
    room.failed = true;
    this.options.log('room_discarded', { room: room.name, reason: 'storeUnavailable' });
    for (const ws of room.conns.keys()) this.refuse(ws, 'storeUnavailable');
    if (room.evictTimer) clearTimeout(room.evictTimer);
    room.destroy();
    if (this.rooms.get(room.name) === room) {
      this.rooms.delete(room.name);
      shared.unfollow(room.name);
    }
  }

  private track(work: Promise<unknown>): void {
    this.inFlight.add(work);
    const done = () => void this.inFlight.delete(work);
    work.then(done, done);
  }

  /** Waits for the shared store's appends and compactions under way (the SQLite store has none: it is synchronous). */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Forwards a stored batch, then compacts the rooms that are due. */
  private forward(batch: Pending[]): void {
    const touched = new Set<Room>();
    for (const { room, update, from } of batch) {
      const sent = room.broadcastUpdate(update, from);
      this.options.metrics.bytesOut += sent * updateMessageLength(update.byteLength);
      room.storedUpdates++;
      room.storedBytes += update.byteLength;
      touched.add(room);
    }
    for (const room of touched) {
      this.options.heads?.changed(room.name, this.store.lastSeq(room.name));
      if (this.compactionDue(room) && !room.failed) this.compact(room);
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
    if (this.options.shared) return this.compactShared(room, this.options.shared);
    try {
      const state = this.read(room, (r) => r.fullState());
      if (this.epochDue(room, state) && this.startEpoch(room, state)) return;
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

  /**
   * The state this relay holds covers its stream up to its cursor: written to Postgres under the room's lease, then the
   * stream trimmed (sharedRoomLog.ts). The count starts over whoever compacts: busy means another relay is at it.
   */
  private compactShared(room: Room, shared: SharedRoomLog): void {
    let state: Uint8Array;
    try {
      state = this.read(room, (r) => r.fullState());
    } catch {
      return; // quarantined: its stream stays as it was, for the operator
    }
    const covers = shared.cursor(room.name);
    room.storedUpdates = 1;
    room.storedBytes = 0;
    room.compactedBytes = state.byteLength;
    const started = performance.now();
    this.track(
      shared.compact(room.name, state, covers).then(
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

  /** Whether to try a rewrite: only a collecting room may be rewritten, and only once it has outgrown the last one. */
  private epochDue(room: Room, state: Uint8Array): boolean {
    if (this.options.shared) return false;
    const { epochMinBytes = EPOCH_MIN_BYTES, epochGrowth = EPOCH_GROWTH } = this.options;
    return room.collects && state.byteLength >= epochMinBytes && state.byteLength > epochGrowth * room.rewriteBytes;
  }

  /**
   * Rewrites the room into a new epoch if its state is more than epochGrowth times its rewrite: the store gets the
   * rewrite and the closed epoch's record in one transaction, and every socket served in the closed epoch is told
   * (ours: with the record, to migrate) and closed. False when the room stays in its epoch (compact as usual).
   */
  private startEpoch(room: Room, state: Uint8Array): boolean {
    const started = performance.now();
    let rewrite: ReturnType<Room['rewrite']>;
    try {
      rewrite = room.rewrite();
    } catch (err) {
      this.options.log('epoch_error', { room: room.name, error: messageOf(err) });
      rewrite = null;
    }
    // Content no rewrite reproduces (a sequence): tried again once the state has grown as much again.
    if (!rewrite) {
      this.options.log('epoch_not_rewritable', { room: room.name, bytes: state.byteLength });
      room.rewriteBytes = state.byteLength;
      return false;
    }
    const fresh = Y.encodeStateAsUpdate(rewrite.fresh);
    room.rewriteBytes = fresh.byteLength;
    if (state.byteLength <= (this.options.epochGrowth ?? EPOCH_GROWTH) * fresh.byteLength) {
      rewrite.fresh.destroy();
      return false;
    }
    const epoch = room.epoch + 1;
    this.epochs.start(room.name, epoch, rewrite.fresh.clientID, rewrite.closing, fresh);
    room.enterEpoch(rewrite.fresh, epoch);
    this.options.quota?.compacted(room.name, fresh.byteLength);
    room.storedUpdates = 1;
    room.storedBytes = 0;
    room.compactedBytes = fresh.byteLength;
    this.options.log('epoch_started', {
      room: room.name,
      epoch,
      bytesBefore: state.byteLength,
      bytesAfter: fresh.byteLength,
      closingBytes: rewrite.closing.byteLength,
      ms: Math.round(performance.now() - started),
    });
    const notice = migrateNotice(room, rewrite.closing);
    for (const ws of room.conns.keys()) {
      const socket = this.socketEpochs.get(ws);
      // A socket still awaited is decided against the new epoch when its state vector comes (connection.ts); one of an
      // earlier epoch is closing already.
      if (socket && socket.servedIn !== epoch - 1) continue;
      if (socket && socket.declared !== null) this.reply(ws, () => notice);
      this.options.metrics.countRefusal('epochChanged');
      ws.close(CloseCode.epochChanged, closeReasons.epochChanged);
    }
    return true;
  }

  /** Records which epoch a socket declared and is served in (connection.ts decides; a new epoch closes it). */
  trackEpoch(ws: WebSocket, socket: SocketEpoch): void {
    this.socketEpochs.set(ws, socket);
  }

  private evict(room: Room): void {
    room.evictTimer = null;
    if (room.conns.size > 0) return;
    this.flush();
    if (room.storedUpdates > 1) this.compact(room);
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
      if (room.storedUpdates > 1) this.compact(room);
      if (room.evictTimer) clearTimeout(room.evictTimer);
      if (!room.failed) room.destroy();
    }
    this.rooms.clear();
  }

  /** Not stored, not forwarded: the sender keeps its edit and resends it when it reconnects, as on a full store. */
  private refuseOverQuota(room: Room, from: WebSocket): void {
    this.options.log('quota_exceeded', { room: room.name, maxBytes: this.options.quota?.maxBytes });
    this.options.metrics.countRefusal('quotaExceeded');
    from.close(CloseCode.quotaExceeded, closeReasons.quotaExceeded);
  }

  /**
   * Answers one socket (its sync step 1, its presence query), built only if it will be sent: past maxBufferedBytes it is
   * cut off as a broadcast's slow reader is, since one repeated 4-byte step 1 asks for the whole room each time.
   * Returns the bytes sent.
   */
  reply(ws: WebSocket, build: () => Uint8Array): number {
    if (ws.readyState !== ws.OPEN) return 0;
    if (ws.bufferedAmount > this.options.maxBufferedBytes) {
      this.closeSlowReader(ws);
      return 0;
    }
    const message = build();
    ws.send(message);
    return message.byteLength;
  }

  private readonly closeSlowReader = (ws: WebSocket): void => {
    this.options.log('slow_reader', { buffered: ws.bufferedAmount });
    this.options.metrics.countRefusal('slowReader');
    ws.close(CloseCode.slowReader, closeReasons.slowReader);
  };
}

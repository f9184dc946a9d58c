// Starting a collecting room's new epoch at a compaction (docs/decisions/0027): when it is due, the rewrite, and the
// sockets served in the closed epoch told and closed.
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import { CloseCode, closeReasons } from '@maillage/shared/sync';
import type { RoomEpochs } from './epochs';
import { migrateNotice, type SocketEpoch } from './epochGate';
import type { Room } from './room';
import type { RoomSockets } from './roomSockets';
import { messageOf, type RoomsOptions } from './roomsOptions';

export const EPOCH_MIN_BYTES = 64 * 1024;
export const EPOCH_GROWTH = 1.25;

export class EpochRewrites {
  /** The epoch each socket declared and is served in (connection.ts), for when its room starts a new one. */
  private readonly socketEpochs = new WeakMap<WebSocket, SocketEpoch>();

  constructor(
    private readonly epochs: RoomEpochs,
    private readonly options: RoomsOptions,
    private readonly sockets: RoomSockets,
  ) {}

  /** Records which epoch a socket declared and is served in (connection.ts decides; a new epoch closes it). */
  track(ws: WebSocket, socket: SocketEpoch): void {
    this.socketEpochs.set(ws, socket);
  }

  /** Whether to try a rewrite: only a collecting room may be rewritten, and only once it has outgrown the last one. */
  due(room: Room, state: Uint8Array): boolean {
    if (this.options.shared) return false;
    const { epochMinBytes = EPOCH_MIN_BYTES, epochGrowth = EPOCH_GROWTH } = this.options;
    return room.collects && state.byteLength >= epochMinBytes && state.byteLength > epochGrowth * room.rewriteBytes;
  }

  /**
   * Rewrites the room into a new epoch if its state is more than epochGrowth times its rewrite: the store gets the
   * rewrite and the closed epoch's record in one transaction, and every socket served in the closed epoch is told
   * (ours: with the record, to migrate) and closed. False when the room stays in its epoch (compact as usual).
   */
  start(room: Room, state: Uint8Array): boolean {
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
      if (socket && socket.declared !== null) this.sockets.reply(ws, () => notice);
      this.options.metrics.countRefusal('epochChanged');
      ws.close(CloseCode.epochChanged, closeReasons.epochChanged);
    }
    return true;
  }
}

// Which epoch a socket is served in (docs/decisions/0027). A copy of a closed epoch must never be integrated into the
// new one: a socket that declares another epoch than the room's, or a stock one in a rewritten room, is served only
// once its first state vector shows it holds nothing (or, for a stock client, already holds the new epoch).
import * as Y from 'yjs';
import { encodeEpochNotice } from '@maillage/shared/sync';
import type { Room } from './room';

export interface SocketEpoch {
  /** The epoch the client says its copy is of; null for a client that names none (stock y-websocket). */
  readonly declared: number | null;
  /** The epoch it is served in; null while its first state vector is awaited; -1 once refused (connection.ts). */
  servedIn: number | null;
}

/** The `epoch` connection parameter: absent (null), a count, or undefined when it is not one. */
export function parseDeclaredEpoch(value: string | null): number | null | undefined {
  if (value === null) return null;
  return /^(0|[1-9]\d{0,8})$/.test(value) ? Number(value) : undefined;
}

/** Served without waiting: a copy of the room's epoch, or a stock client in a room never rewritten. */
export const servedAtOnce = (room: Room, socket: SocketEpoch): boolean =>
  socket.declared === room.epoch || (socket.declared === null && room.epoch === 0);

/**
 * For a socket not served at once, from its first state vector: whether it may be served in the room's epoch. An empty
 * copy may (a new device: nothing to carry over). A stock client may if its copy is of this epoch already (it holds the
 * rewriter's items), which only a client that synced since the rewrite can.
 */
export function holdsNothingOld(room: Room, socket: SocketEpoch, stateVector: Uint8Array): boolean {
  if (stateVector.length === 1 && stateVector[0] === 0) return true;
  return socket.declared === null && room.rewriter !== null && Y.decodeStateVector(stateVector).has(room.rewriter);
}

/** What a served client of ours is told, when there is something to tell: its epoch and the rewriter's id. */
export function currentNotice(room: Room, socket: SocketEpoch): Uint8Array | null {
  if (socket.declared === null || (socket.declared === 0 && room.epoch === 0)) return null;
  return encodeEpochNotice({ kind: 'current', epoch: room.epoch, rewriter: room.rewriter });
}

/** What a client of ours holding a copy of a closed epoch is told before it is closed (closing null: none kept). */
export const migrateNotice = (room: Room, closing: Uint8Array | null): Uint8Array =>
  encodeEpochNotice({ kind: 'migrate', epoch: room.epoch, rewriter: room.rewriter, closing });

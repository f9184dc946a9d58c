// One client's socket in one room: answer its sync, take its updates and presence, close it with a named code on bad input.
import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { WebSocket, RawData } from 'ws';
import { CloseCode, closeReasons } from '@maillage/shared/sync';
import {
  decodeMessage,
  encodeAwareness,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  isEmptyUpdate,
  MalformedMessage,
  type ClientMessage,
} from './protocol';
import { RoomUnavailable, type Rooms } from './rooms';
import type { Room } from './room';
import type { Principal } from './admission';
import type { Metrics } from './metrics';
import { Pacer } from './pacer';
import type { Heartbeat } from './heartbeat';
import { applyOwnPresence } from './presence';
import { refusedByValidatedMinutes } from './lockedMinutes';
import { mayHoldMinutes, mayWrite } from './writePermission';
import { AnswerBudget } from './answerBudget';
import { currentNotice, holdsNothingOld, migrateNotice, servedAtOnce, type SocketEpoch } from './epochGate';
import { holdReading, releaseReading } from './readHolds';

export interface ConnectionDeps {
  rooms: Rooms;
  log: (event: string, fields?: Record<string, unknown>) => void;
  maxMessageBytes: number;
  metrics: Metrics;
  rate: { perSecond: number; burst: number };
  heartbeat: Heartbeat;
}

/** What this one socket's owner wants to hear about. */
export interface ConnectionHooks {
  /** Called once when the socket closes, with the bytes of updates it wrote. */
  onClose?: (bytesWritten: number) => void;
  /** Called the first time a write is dropped: an observer's, or one that changes the main courante (`appendOnly`). */
  onWriteDropped?: (reason: 'observer' | 'appendOnly') => void;
}

function toBytes(data: RawData): Uint8Array {
  if (Buffer.isBuffer(data)) return data;
  return Array.isArray(data) ? Buffer.concat(data) : new Uint8Array(data);
}

/** declaredEpoch: the `epoch` connection parameter, the epoch of the client's copy (null: none named). */
export function serveConnection(
  ws: WebSocket,
  roomName: string,
  principal: Principal,
  deps: ConnectionDeps,
  hooks: ConnectionHooks = {},
  declaredEpoch: number | null = null,
): void {
  const acquired = deps.rooms.enter(roomName, ws);
  if (!(acquired instanceof Promise)) return serveRoom(ws, acquired, roomName, principal, deps, hooks, declaredEpoch);
  // A shared store reads the room asynchronously (docs/decisions/0040): the socket is not read meanwhile, and what it
  // had sent already is handled once the room is there, in order, after the room's first messages.
  holdReading(ws, 'loading');
  const early: [RawData, boolean][] = [];
  const keep = (data: RawData, isBinary: boolean) => void early.push([data, isBinary]);
  ws.on('message', keep);
  void acquired.then((room) => {
    ws.off('message', keep);
    releaseReading(ws, 'loading');
    serveRoom(ws, room, roomName, principal, deps, hooks, declaredEpoch);
    if (room) for (const [data, isBinary] of early) ws.emit('message', data, isBinary);
  });
}

function serveRoom(
  ws: WebSocket,
  room: Room | null,
  roomName: string,
  principal: Principal,
  deps: ConnectionDeps,
  hooks: ConnectionHooks,
  declaredEpoch: number | null,
): void {
  if (!room) {
    // Already closed with a named code (a quarantined room, a store that cannot be read), or by its peer while the
    // room loaded: only its end is left.
    if (ws.readyState === ws.CLOSED) hooks.onClose?.(0);
    else ws.once('close', () => hooks.onClose?.(0));
    return;
  }
  const pacer = new Pacer(ws, roomName, deps);
  // A room that keeps its history is never rewritten: an epoch named for it means nothing (docs/decisions/0027).
  const epoch: SocketEpoch = { declared: room.collects ? declaredEpoch : null, servedIn: null };
  if (servedAtOnce(room, epoch)) epoch.servedIn = room.epoch;
  deps.rooms.trackEpoch(ws, epoch);
  const state: ConnectionState = {
    bytesWritten: 0,
    deniedOnce: false,
    lockedOnce: false,
    answers: new AnswerBudget(deps.rate),
    epoch,
  };
  const closeWith = (name: 'malformedMessage' | 'messageTooLarge', reason: string) => {
    deps.metrics.countRefusal(name);
    ws.close(CloseCode[name], reason.slice(0, 120));
  };
  deps.heartbeat.watch(ws);

  ws.on('message', (data, isBinary) => {
    if (!isBinary)
      return closeWith(
        'malformedMessage',
        `${closeReasons.malformedMessage}: text frames are not part of the protocol`,
      );
    // Past its rate a sender is paced, never cut off: this message is handled, and the next ones wait in TCP.
    pacer.count();
    const bytes = toBytes(data);
    if (bytes.byteLength > deps.maxMessageBytes) {
      deps.log('message_too_large', { room: roomName, bytes: bytes.byteLength });
      return closeWith('messageTooLarge', `${closeReasons.messageTooLarge} (max ${deps.maxMessageBytes} bytes)`);
    }
    if (room.failed) return; // quarantined: the socket is closing
    try {
      handle(ws, room, bytes, principal, deps, hooks, state);
    } catch (err) {
      if (err instanceof RoomUnavailable) return; // the room's fault, not the message's: closed with 4422 already
      const reason = err instanceof MalformedMessage ? err.message : 'update rejected by Yjs';
      deps.log('malformed_message', { room: roomName, reason });
      closeWith('malformedMessage', `${closeReasons.malformedMessage}: ${reason}`);
    }
  });
  ws.on('error', (err) => deps.log('socket_error', { room: roomName, error: err.message }));
  ws.on('close', () => {
    pacer.stop();
    state.answers.stop();
    deps.heartbeat.forget(ws);
    deps.rooms.release(room, ws);
    hooks.onClose?.(state.bytesWritten);
  });

  // A socket of another epoch hears nothing before its state vector: the room's step 1 would have it send its copy.
  if (epoch.servedIn !== null) welcome(ws, room, deps, epoch);
}

/** What a socket served in the room's epoch is sent first: its epoch (ours), the room's step 1 and who is there. */
function welcome(ws: WebSocket, room: Room, deps: ConnectionDeps, epoch: SocketEpoch): void {
  // The room is already loaded from disk, so this first step 1 and any step 2 reflect everything stored.
  let stateVector: Uint8Array;
  try {
    stateVector = deps.rooms.read(room, (r) => r.stateVector());
  } catch (err) {
    if (err instanceof RoomUnavailable) return; // quarantined, this socket closed with the room's others
    throw err;
  }
  const notice = currentNotice(room, epoch);
  if (notice) ws.send(notice);
  ws.send(encodeSyncStep1(stateVector));
  const states = room.awareness.getStates();
  if (states.size > 0)
    ws.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(room.awareness, [...states.keys()])));
}

/** Never an epoch: a socket told its copy is of a closed one, and closed, is not decided again. */
const REFUSED = -1;

/**
 * A socket not served in the room's current epoch: awaited until its first state vector (served if it holds nothing
 * old), or of an epoch closed since (closing). Returns whether this message is to be handled.
 */
function servedFromNow(ws: WebSocket, room: Room, message: ClientMessage, deps: ConnectionDeps, epoch: SocketEpoch) {
  if (epoch.servedIn !== null || message.type !== 'syncStep1') return false;
  if (holdsNothingOld(room, epoch, message.stateVector)) {
    epoch.servedIn = room.epoch;
    welcome(ws, room, deps, epoch);
    return true;
  }
  let closing: Uint8Array | null = null;
  try {
    if (epoch.declared !== null && epoch.declared < room.epoch)
      closing = deps.rooms.epochs.closingOf(room.name, epoch.declared);
  } catch (err) {
    // Without its record the copy would replay every value it holds: a retry is better.
    deps.log('store_error', { room: room.name, error: err instanceof Error ? err.message : String(err) });
    deps.metrics.countRefusal('storeUnavailable');
    ws.close(CloseCode.storeUnavailable, closeReasons.storeUnavailable);
    epoch.servedIn = REFUSED;
    return false;
  }
  if (epoch.declared !== null) deps.rooms.reply(ws, () => migrateNotice(room, closing));
  epoch.servedIn = REFUSED;
  deps.log('epoch_changed', { room: room.name, declared: epoch.declared, epoch: room.epoch });
  deps.metrics.countRefusal('epochChanged');
  ws.close(CloseCode.epochChanged, closeReasons.epochChanged);
  return false;
}

interface ConnectionState {
  bytesWritten: number;
  deniedOnce: boolean;
  /** Whether this socket was told that the meeting it writes to is validated. */
  lockedOnce: boolean;
  /** What this socket's own requests may cost in answer bytes. */
  answers: AnswerBudget;
  epoch: SocketEpoch;
}

function handle(
  ws: WebSocket,
  room: Room,
  frame: Uint8Array,
  principal: Principal,
  deps: ConnectionDeps,
  hooks: ConnectionHooks,
  state: ConnectionState,
): void {
  const message = decodeMessage(frame);
  deps.metrics.countMessage(message.type, frame.byteLength);
  if (state.epoch.servedIn !== room.epoch && !servedFromNow(ws, room, message, deps, state.epoch)) return;
  switch (message.type) {
    case 'syncStep1':
      // Answered within the socket's budget of answer bytes, perhaps later: a room gone meanwhile is not answered.
      state.answers.answer('syncStep1', () =>
        room.failed
          ? 0
          : deps.rooms.reply(ws, () =>
              encodeSyncStep2(deps.rooms.read(room, (r) => r.missingFrom(message.stateVector))),
            ),
      );
      return;
    case 'syncStep2':
    case 'update':
      // Observers read only, but acknowledge a crisis alert: their own answers pass (decision 0035).
      if (!mayWrite(principal, room, message.update, deps.rooms)) {
        // Every other write is dropped, never stored or forwarded, and the sender is told once.
        if (!state.deniedOnce && !isEmptyUpdate(message.update)) {
          state.deniedOnce = true;
          ws.send(
            encodePermissionDenied(
              principal.canWrite ? 'main courante entries are append-only' : 'observers cannot write',
            ),
          );
          hooks.onWriteDropped?.(principal.canWrite ? 'appendOnly' : 'observer');
        }
        return;
      }
      // A validated meeting takes no more writes, from anyone (decision 0039): dropped, and the writer told once.
      if (mayHoldMinutes(room) && !isEmptyUpdate(message.update)) {
        const read = <T>(inspect: (doc: Y.Doc) => T) => deps.rooms.read(room, (r) => r.inspect(inspect));
        if (refusedByValidatedMinutes(room, message.update, principal.memberId, read)) {
          if (!state.lockedOnce) {
            state.lockedOnce = true;
            ws.send(encodePermissionDenied('minutes validated'));
            deps.log('write_refused', { room: room.name, member: principal.memberId, reason: 'minutesValidated' });
          }
          return;
        }
      }
      deps.rooms.receive(room, message.update, ws);
      state.bytesWritten += message.update.byteLength;
      return;
    case 'awareness': {
      // A socket sets its own client's presence only: an observer is online too, but never touches another's.
      const dropped = applyOwnPresence(room, ws, principal.deviceId, message.update);
      deps.metrics.countPresenceDropped(dropped);
      if (dropped.first)
        deps.log('presence_dropped', {
          room: room.name,
          member: principal.memberId,
          notOwn: dropped.notOwn,
          tooLarge: dropped.tooLarge,
        });
      return;
    }
    case 'queryAwareness':
      state.answers.answer('queryAwareness', () =>
        room.failed
          ? 0
          : deps.rooms.reply(ws, () =>
              encodeAwareness(
                awarenessProtocol.encodeAwarenessUpdate(room.awareness, [...room.awareness.getStates().keys()]),
              ),
            ),
      );
      return;
  }
}

// One client's socket in one room: answer its sync, take its updates and presence, close it with a named code on bad input.
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { WebSocket, RawData } from 'ws';
import { CloseCode, closeReasons } from '@maillage/shared';
import { decodeMessage, encodeAwareness, encodeSyncStep1, encodeSyncStep2, MalformedMessage } from './protocol';
import type { Rooms } from './rooms';
import type { Room } from './room';
import type { Principal } from './admission';

export interface ConnectionDeps {
  rooms: Rooms;
  log: (event: string, fields?: Record<string, unknown>) => void;
  maxMessageBytes: number;
}

const PING_EVERY_MS = 30_000;
/** Sockets that answered the last ping. One timer for all sockets, not one per socket. */
const alive = new Set<WebSocket>();
const everyone = new Set<WebSocket>();

export function startHeartbeat(): () => void {
  const timer = setInterval(() => {
    for (const ws of everyone) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, PING_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

export function serveConnection(ws: WebSocket, roomName: string, principal: Principal, deps: ConnectionDeps): void {
  const room = deps.rooms.acquire(roomName, ws);
  alive.add(ws);
  everyone.add(ws);
  ws.on('pong', () => alive.add(ws));

  ws.on('message', (data, isBinary) => {
    if (!isBinary) return ws.close(CloseCode.malformedMessage, 'text frames are not part of the protocol');
    const bytes = toBytes(data);
    if (bytes.byteLength > deps.maxMessageBytes) {
      deps.log('message_too_large', { room: roomName, bytes: bytes.byteLength });
      return ws.close(CloseCode.messageTooLarge, `${closeReasons.messageTooLarge} (max ${deps.maxMessageBytes} bytes)`);
    }
    try {
      handle(ws, room, bytes, principal, deps);
    } catch (err) {
      const reason = err instanceof MalformedMessage ? err.message : 'update rejected by Yjs';
      deps.log('malformed_message', { room: roomName, reason });
      ws.close(CloseCode.malformedMessage, `${closeReasons.malformedMessage}: ${reason}`.slice(0, 120));
    }
  });
  ws.on('error', (err) => deps.log('socket_error', { room: roomName, error: err.message }));
  ws.on('close', () => {
    alive.delete(ws);
    everyone.delete(ws);
    deps.rooms.release(room, ws);
  });

  // The room is already loaded from disk, so this first step 1 and any step 2 reflect everything stored.
  ws.send(encodeSyncStep1(Y.encodeStateVector(room.doc)));
  const states = room.awareness.getStates();
  if (states.size > 0) ws.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(room.awareness, [...states.keys()])));
}

function handle(ws: WebSocket, room: Room, frame: Uint8Array, principal: Principal, deps: ConnectionDeps): void {
  const message = decodeMessage(frame);
  switch (message.type) {
    case 'syncStep1':
      ws.send(encodeSyncStep2(Y.encodeStateAsUpdate(room.doc, message.stateVector)));
      return;
    case 'syncStep2':
    case 'update':
      if (!principal.canWrite) return;
      deps.rooms.receive(room, message.update, ws);
      return;
    case 'awareness':
      awarenessProtocol.applyAwarenessUpdate(room.awareness, message.update, ws);
      return;
    case 'queryAwareness':
      ws.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(room.awareness, [...room.awareness.getStates().keys()])));
      return;
  }
}

import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { WebSocket } from 'ws';
import { Room } from './room';
import { MalformedMessage } from './protocol';
import { applyOwnPresence, MAX_CLIENT_IDS_PER_SOCKET } from './presence';

const awarenesses: awarenessProtocol.Awareness[] = [];
afterEach(() => {
  for (const awareness of awarenesses.splice(0)) awareness.destroy();
});

/** A client with this id, as y-protocols writes its presence: each state it sets is the update it sends, clock + 1. */
function client(id: number): (state: Record<string, unknown> | null) => Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = id;
  const awareness = new awarenessProtocol.Awareness(doc);
  awarenesses.push(awareness);
  return (state) => {
    awareness.setLocalState(state);
    return awarenessProtocol.encodeAwarenessUpdate(awareness, [id]);
  };
}

/** A socket as the room sees it: a key in its conns, never written to here (the room's broadcast skips closed ones). */
const socket = () => ({ readyState: 3, OPEN: 1 }) as unknown as WebSocket;

function roomWith(...sockets: WebSocket[]): Room {
  const room = new Room('ws/doc', [], () => {}, 1 << 20);
  for (const ws of sockets) room.conns.set(ws, new Set());
  return room;
}

describe('presence of a socket', () => {
  it('lets a socket of the same device take over its client id (a reconnection), and the old socket closing leaves it', () => {
    const [before, after] = [socket(), socket()];
    const room = roomWith(before, after);
    const seven = client(7);
    applyOwnPresence(room, before, 'device-1', seven({ user: { name: 'A' } }));
    expect(applyOwnPresence(room, after, 'device-1', seven({ user: { name: 'A2' } })).notOwn).toBe(0);
    room.removeConn(before);
    expect(room.awareness.getStates().get(7)).toEqual({ user: { name: 'A2' } });
    room.removeConn(after);
    expect(room.awareness.getStates().has(7)).toBe(false);
    room.destroy();
  });

  it('refuses another device the same id, and a fifth id to a socket, even after it removed its own', () => {
    const [mine, other] = [socket(), socket()];
    const room = roomWith(mine, other);
    applyOwnPresence(room, mine, 'device-1', client(7)({}));
    const impostor = client(7);
    impostor({});
    expect(applyOwnPresence(room, other, 'device-2', impostor(null)).notOwn).toBe(1);
    const ids = Array.from({ length: MAX_CLIENT_IDS_PER_SOCKET + 1 }, (_, i) => 100 + i);
    for (const id of ids) {
      const own = client(id);
      applyOwnPresence(room, other, 'device-2', own({}));
      applyOwnPresence(room, other, 'device-2', own(null));
    }
    expect([...room.awareness.meta.keys()].filter((id) => id >= 100 && id < 200)).toHaveLength(
      MAX_CLIENT_IDS_PER_SOCKET,
    );
    room.destroy();
  });

  it('takes a count larger than the message as malformed, without reading past it', () => {
    const room = roomWith(socket());
    const [ws] = room.conns.keys();
    expect(() => applyOwnPresence(room, ws!, null, new Uint8Array([0xff, 0xff, 0x03, 1, 1]))).toThrow(MalformedMessage);
    expect(() => applyOwnPresence(room, ws!, null, new Uint8Array([1, 1, 1, 100, 0x6e]))).toThrow(MalformedMessage);
    room.destroy();
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import { CloseCode } from '@maillage/shared/sync';
import { openRoomStore, type RoomStore } from './persistence';
import { Rooms, RoomUnavailable } from './rooms';
import { Metrics } from './metrics';
import { deepArrays } from './updateArbitraries';

const opened: RoomStore[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const store of opened.splice(0)) store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function storeIn(dir = mkdtempSync(join(tmpdir(), 'maillage-rooms-'))): RoomStore {
  if (!dirs.includes(dir)) dirs.push(dir);
  const store = openRoomStore(dir);
  opened.push(store);
  return store;
}

/** A socket as Rooms uses it: it records how it was closed. */
function socket(): WebSocket & { closedWith: number | null } {
  const ws = {
    closedWith: null as number | null,
    readyState: 1,
    OPEN: 1,
    bufferedAmount: 0,
    send: () => {},
    close: (code: number) => (ws.closedWith = code),
  };
  return ws as unknown as WebSocket & { closedWith: number | null };
}

function roomsOver(store: RoomStore) {
  const metrics = new Metrics();
  const events: string[] = [];
  const rooms = new Rooms(store, {
    evictAfterMs: 60_000,
    compactAfterUpdates: 500,
    maxBufferedBytes: 1 << 20,
    log: (event) => events.push(event),
    metrics,
  });
  const quarantined: string[] = [];
  rooms.onQuarantined = (room) => quarantined.push(room);
  return { rooms, metrics, events, quarantined };
}

const textUpdate = (text: string) => {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
};

/** Past the stack's depth: Yjs' recursive reader throws a RangeError on it. */
const POISON = deepArrays(200_000);

describe('rooms that cannot be read', () => {
  it('survives a store.load that throws: the socket gets 4503, nothing is quarantined, the next connection loads', () => {
    const store = storeIn();
    store.appendBatch([{ room: 'ws/a', update: textUpdate('bonjour') }]);
    const load = store.load;
    let failing = true;
    store.load = (room) =>
      failing
        ? (() => {
            throw new Error('disk I/O error');
          })()
        : load(room);
    const { rooms, metrics } = roomsOver(store);

    const first = socket();
    expect(rooms.acquire('ws/a', first)).toBeNull();
    expect(first.closedWith).toBe(CloseCode.storeUnavailable);
    expect(rooms.isQuarantined('ws/a')).toBe(false);
    expect(metrics.roomsQuarantined).toBe(0);

    failing = false;
    const room = rooms.acquire('ws/a', socket());
    expect(room).not.toBeNull();
    const doc = new Y.Doc();
    Y.applyUpdate(
      doc,
      rooms.read(room!, (r) => r.missingFrom(new Uint8Array([0]))),
    );
    expect(doc.getText('t').toString()).toBe('bonjour');
  });

  it('quarantines a room whose history cannot be merged, across a restart, until its row is deleted', () => {
    const store = storeIn();
    store.appendBatch([
      { room: 'ws/poison', update: POISON },
      { room: 'ws/poison', update: textUpdate('après') },
      { room: 'ws/ok', update: textUpdate('sain') },
    ]);
    const { rooms, metrics, events, quarantined } = roomsOver(store);

    const ws = socket();
    expect(rooms.acquire('ws/poison', ws)).toBeNull();
    expect(ws.closedWith).toBe(CloseCode.roomUnavailable);
    expect(quarantined).toEqual(['ws/poison']);
    expect(events).toContain('room_quarantined');
    expect(metrics.roomsQuarantined).toBe(1);
    expect(metrics.render({ connections: 0, rooms: 0, roomLoads: 0, journalWaiting: 0, journalDropped: 0 })).toContain(
      'maillage_rooms_quarantined 1',
    );
    // Refused again at once, without reading the store.
    const again = socket();
    expect(rooms.acquire('ws/poison', again)).toBeNull();
    expect(again.closedWith).toBe(CloseCode.roomUnavailable);
    expect(rooms.acquire('ws/ok', socket())).not.toBeNull();

    // A relay started again on the same store still refuses it.
    const { rooms: restarted, metrics: restartedMetrics } = roomsOver(store);
    expect(restarted.isQuarantined('ws/poison')).toBe(true);
    expect(restartedMetrics.roomsQuarantined).toBe(1);
    // The operator's release (README): delete the row; the next connection tries to load it again.
    store.db.prepare('DELETE FROM quarantined_rooms WHERE room = ?').run('ws/poison');
    expect(restarted.isQuarantined('ws/poison')).toBe(false);
  });

  it('quarantines a room that fails on read, closes its sockets with 4422, and keeps the others', () => {
    const store = storeIn();
    // One row: loading does not decode it; answering its first sync does.
    store.appendBatch([{ room: 'ws/poison', update: POISON }]);
    const { rooms, quarantined } = roomsOver(store);
    const [a, b, other] = [socket(), socket(), socket()];
    const room = rooms.acquire('ws/poison', a)!;
    expect(rooms.acquire('ws/poison', b)).toBe(room);
    const healthy = rooms.acquire('ws/ok', other)!;

    expect(() => rooms.read(room, (r) => r.stateVector())).toThrow(RoomUnavailable);
    expect([a.closedWith, b.closedWith]).toEqual([CloseCode.roomUnavailable, CloseCode.roomUnavailable]);
    expect(quarantined).toEqual(['ws/poison']);
    expect(rooms.size).toBe(1);
    // Later reads and writes of the failed room do nothing; the healthy room goes on.
    expect(() => rooms.read(room, (r) => r.missingFrom(new Uint8Array([0])))).toThrow(RoomUnavailable);
    rooms.receive(room, textUpdate('ignoré'), a);
    rooms.release(room, a);
    rooms.receive(healthy, textUpdate('reçu'), other);
    rooms.flush();
    expect(store.count('ws/ok')).toBe(1);
    expect(store.count('ws/poison')).toBe(1);
    expect(other.closedWith).toBeNull();
  });
});

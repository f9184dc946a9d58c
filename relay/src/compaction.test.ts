// What compaction writes and keeps: in proportion to what changed, and collected only in rooms that keep no versions.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { WebSocket } from 'ws';
import { WELL_KNOWN_DOCS, roomName } from '@maillage/shared/sync';
import { openRoomStore, type RoomStore } from './persistence';
import { Rooms } from './rooms';
import { Metrics } from './metrics';
import { COMPACTION_MS_PER_TURN } from './compaction';

const dirs: string[] = [];
const stores: RoomStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A store that counts the bytes compaction writes, and Rooms over it compacting after 50 updates. */
function roomsOverCountingStore() {
  const dir = mkdtempSync(join(tmpdir(), 'compaction-'));
  dirs.push(dir);
  const store = openRoomStore(dir);
  stores.push(store);
  const written = { bytes: 0, compactions: 0 };
  const replace = store.replace;
  store.replace = (room, merged) => {
    written.bytes += merged.byteLength;
    written.compactions++;
    replace(room, merged);
  };
  const rooms = new Rooms(store, {
    evictAfterMs: 60_000,
    compactAfterUpdates: 50,
    maxBufferedBytes: 1 << 20,
    log: () => {},
    metrics: new Metrics(),
  });
  return { store, rooms, written };
}

/** A socket that is never open: the room forwards to no one. */
const silentSocket = { readyState: 3, OPEN: 1, close: () => {} } as unknown as WebSocket;

/** Each update a client makes when it overwrites a value in a map, `count` times (a catalogue entry's `updatedAt`). */
function overwrites(count: number, doc = new Y.Doc()): Uint8Array[] {
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < count; i++) doc.getMap('entry').set('updatedAt', `2026-12-05T02:${String(i).padStart(6, '0')}`);
  return updates;
}

/** Bytes in a room's rows on disk. */
const storedSize = (store: RoomStore, room: string) => store.load(room).reduce((n, row) => n + row.byteLength, 0);

/** Feeds updates through the relay's write path, a turn's worth at a time. */
function feed(rooms: Rooms, room: string, updates: Uint8Array[]): void {
  const r = rooms.acquire(room, silentSocket)!;
  for (let i = 0; i < updates.length; i++) {
    rooms.receive(r, updates[i]!, silentSocket);
    if (i % 50 === 49) rooms.flush();
  }
  rooms.flush();
}

const workspaceId = 'a'.repeat(52);

describe('compaction', () => {
  it('spreads rooms that come due together over several turns', () => {
    const { rooms, written } = roomsOverCountingStore();
    const names = Array.from({ length: 20 }, (_, i) => roomName({ workspaceId, docId: `protocole-tour-${i}` }));
    const updates = overwrites(60);
    // Every room one update short of due, in the same state: as rooms opened together and written at one pace are.
    for (const name of names) feed(rooms, name, updates.slice(0, 50));
    const before = written.compactions;
    /** One turn: updates to every room, stored and forwarded as one batch. */
    const turn = (...updates: Uint8Array[]) => {
      for (const name of names)
        for (const update of updates) rooms.receive(rooms.acquire(name, silentSocket)!, update, silentSocket);
      rooms.flush();
    };
    // Time moves 2 ms each time it is read: a compaction takes at least that on this clock.
    let now = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => (now += 2));
    try {
      turn(updates[50]!, updates[51]!);
      const firstTurn = written.compactions - before;
      expect(firstTurn).toBeGreaterThan(0);
      expect(firstTurn).toBeLessThanOrEqual(COMPACTION_MS_PER_TURN / 2);
      // The others at their next update, in later turns, until every room is compacted.
      for (let t = 0; t < names.length && written.compactions - before < names.length; t++) turn(updates[52 + t]!);
      expect(written.compactions - before).toBe(names.length);
    } finally {
      clock.mockRestore();
    }
  });

  it('writes in proportion to what was stored, however long the room history grows', () => {
    const ratios: number[] = [];
    for (const count of [1_000, 8_000]) {
      const { rooms, written } = roomsOverCountingStore();
      const updates = overwrites(count);
      const appended = updates.reduce((n, u) => n + u.byteLength, 0);
      // A protocol room: it keeps every deleted value, so its state grows with every update.
      feed(rooms, roomName({ workspaceId, docId: 'protocole-plaies-00001' }), updates);
      expect(written.compactions).toBeGreaterThan(2);
      ratios.push(written.bytes / appended);
    }
    // Rewriting the whole state every 50 updates wrote ~10× and ~80× what was appended.
    for (const ratio of ratios) expect(ratio).toBeLessThan(3);
  }, 60_000);

  it('collects overwritten values in a well-known room, and keeps them in a room that has versions', () => {
    const { rooms, store } = roomsOverCountingStore();
    const catalogue = roomName({ workspaceId, docId: WELL_KNOWN_DOCS.catalogue });
    const protocol = roomName({ workspaceId, docId: 'protocole-plaies-00001' });
    feed(rooms, catalogue, overwrites(5_000));
    feed(rooms, protocol, overwrites(5_000));
    rooms.shutdown();
    // 5,000 dates, ~22 bytes each once merged: ~110 KB kept; collected, the entry is one value and one run of deleted ones.
    expect(storedSize(store, protocol)).toBeGreaterThan(100_000);
    expect(storedSize(store, catalogue)).toBeLessThan(1_000);
    const newcomer = new Y.Doc({ gc: false });
    Y.applyUpdate(newcomer, Y.mergeUpdates(store.load(catalogue)));
    expect(newcomer.getMap('entry').get('updatedAt')).toBe('2026-12-05T02:004999');
  }, 30_000);

  it('shrinks a well-known room stored before collection at its next compaction', () => {
    const { rooms, store } = roomsOverCountingStore();
    const catalogue = roomName({ workspaceId, docId: WELL_KNOWN_DOCS.catalogue });
    // What an earlier relay stored: every value ever written, as rows.
    store.appendBatch(overwrites(3_000).map((update) => ({ room: catalogue, update })));
    const before = storedSize(store, catalogue);
    feed(rooms, catalogue, overwrites(1, new Y.Doc()));
    rooms.shutdown();
    expect(before).toBeGreaterThan(60_000);
    expect(storedSize(store, catalogue)).toBeLessThan(1_000);
  }, 30_000);
});

// Compaction of a room shared by relays (docs/decisions/0040), through the relay's own shared room log: two relays
// compacting one room at once, a compactor that read less than Postgres holds, and Postgres unreachable meanwhile.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startSharedStore, type SharedStore } from '../support/sharedStore';
import { openSharedRoomLog, type SharedRoomLog } from '../../relay/src/sharedStore/sharedRoomLog';

let store: SharedStore;
let first: SharedRoomLog;
let second: SharedRoomLog;
const failOnError = (error: unknown) => {
  throw error;
};
const urls = () => ({ redisUrl: store.redisUrl, databaseUrl: store.databaseUrl });

beforeAll(async () => {
  store = await startSharedStore();
});

afterAll(async () => {
  await store?.stop();
});

describe('compaction shared by two relays', () => {
  beforeAll(async () => {
    [first, second] = await Promise.all([
      openSharedRoomLog(urls(), failOnError),
      openSharedRoomLog(urls(), failOnError),
    ]);
  });

  afterAll(() => Promise.all([first?.close(), second?.close()]));

  /** Appends `count` pushes to the room through `log`, one update each; returns the writer's doc. */
  async function write(log: SharedRoomLog, room: string, count: number, doc = new Y.Doc()): Promise<Y.Doc> {
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    for (let i = 0; i < count; i++) doc.getArray<number>('items').push([i]);
    await log.append(updates.map((update) => ({ room, update, origin: 'writer' })));
    return doc;
  }

  const contentOf = (history: Uint8Array[]) => {
    const doc = new Y.Doc();
    for (const update of history) Y.applyUpdate(doc, update);
    return doc.getArray<number>('items').toArray();
  };

  it('compacts once when both relays try at the same time, and the room reads the same afterwards', async () => {
    const room = 'ws/compact-at-once';
    const writer = await write(first, room, 40);
    const [a, b] = await Promise.all([first.load(room), second.load(room)]);
    expect(contentOf(a.history)).toEqual(writer.getArray('items').toArray());
    const state = (loaded: typeof a) => Y.mergeUpdates(loaded.history);
    const outcomes = await Promise.all([
      first.compact(room, state(a), a.cursor),
      second.compact(room, state(b), b.cursor),
    ]);
    expect(outcomes.sort()).toEqual(['busy', 'compacted']);
    expect(store.sql(`SELECT count(*) FROM maillage_rooms WHERE room = '${room}'`)).toBe('1');
    expect(contentOf((await second.load(room)).history)).toEqual(writer.getArray('items').toArray());
    // The workspace's quota counts the row in place of the entries it holds (none written after it here).
    const rowBytes = store.sql(`SELECT octet_length(state) FROM maillage_rooms WHERE room = '${room}'`);
    expect(store.redis('HGET', 'maillage:quota:ws', room)).toBe(rowBytes);
    await write(first, room, 5);
    await first.sizes.flush(); // counted in Redis within a moment of the append: now, here
    const tail = Number(store.redis('HGET', 'maillage:quota:ws', room)) - Number(rowBytes);
    expect(tail).toBeGreaterThan(0);
    expect(await first.compact(room, Y.mergeUpdates((await first.load(room)).history), a.cursor)).toBe('stale');
    expect(store.redis('HGET', 'maillage:quota:ws', room)).toBe(String(Number(rowBytes) + tail));
  });

  it('writes nothing from a compactor that read less than the state already stored, and trims nothing for it', async () => {
    const room = 'ws/late-compactor';
    const writer = await write(first, room, 10);
    const early = await first.load(room);
    await write(first, room, 10, writer);
    const later = await second.load(room);
    expect(await second.compact(room, Y.mergeUpdates(later.history), later.cursor)).toBe('compacted');
    const length = store.redis('XLEN', `maillage:room:${room}`);
    // Its lease ran out meanwhile, say: it takes the lease again, and Postgres refuses its older state.
    expect(await first.compact(room, Y.mergeUpdates(early.history), early.cursor)).toBe('stale');
    expect(store.redis('XLEN', `maillage:room:${room}`)).toBe(length);
    expect(contentOf((await first.load(room)).history)).toEqual(writer.getArray('items').toArray());
  });
});

describe('Postgres unreachable', () => {
  it('keeps taking writes, compacts nothing meanwhile, then compacts once it is back and loses nothing', async () => {
    const errors: unknown[] = [];
    const log = await openSharedRoomLog(urls(), (error) => void errors.push(error));
    try {
      const room = 'ws/postgres-down';
      const writer = new Y.Doc();
      const append = async (count: number) => {
        const updates: Uint8Array[] = [];
        const keep = (update: Uint8Array) => void updates.push(update);
        writer.on('update', keep);
        for (let i = 0; i < count; i++) writer.getArray<number>('items').push([i]);
        writer.off('update', keep);
        await log.append(updates.map((update) => ({ room, update, origin: 'writer' })));
      };
      await append(10);
      const loaded = await log.load(room);

      store.stopPostgres();
      await expect(log.compact(room, Y.mergeUpdates(loaded.history), loaded.cursor)).rejects.toThrow();
      // Redis still takes the room's updates: nothing waits on Postgres to be written.
      await append(5);
      store.startPostgres();

      expect(store.sql(`SELECT count(*) FROM maillage_rooms WHERE room = '${room}'`)).toBe('0');
      const again = await log.load(room);
      expect(await log.compact(room, Y.mergeUpdates(again.history), again.cursor)).toBe('compacted');
      expect(store.sql(`SELECT count(*) FROM maillage_rooms WHERE room = '${room}'`)).toBe('1');
      const fresh = await openSharedRoomLog(urls(), failOnError);
      try {
        const doc = new Y.Doc();
        for (const update of (await fresh.load(room)).history) Y.applyUpdate(doc, update);
        expect(doc.getArray<number>('items').toArray()).toEqual(writer.getArray<number>('items').toArray());
      } finally {
        await fresh.close();
      }
    } finally {
      await log.close();
    }
  });
});

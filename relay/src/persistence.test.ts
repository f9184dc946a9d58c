import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { openRoomStore } from './persistence';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'maillage-store-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function textUpdates(n: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < n; i++) doc.getText('t').insert(i, 'x');
  return updates;
}

const rebuild = (updates: Uint8Array[]) => {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc.getText('t').toString();
};

describe('room store', () => {
  it('keeps updates per room across a reopen', () => {
    const dir = tempDir();
    const store = openRoomStore(dir);
    const updates = textUpdates(3);
    store.appendBatch(updates.map((update, i) => ({ room: i === 2 ? 'other' : 'a', update })));
    store.close();
    const reopened = openRoomStore(dir);
    expect(reopened.count('a')).toBe(2);
    expect(rebuild(reopened.load('a'))).toBe('xx');
    expect(reopened.load('missing')).toEqual([]);
    reopened.close();
  });

  it('replaces a history by one merged update without losing content', () => {
    const store = openRoomStore(tempDir());
    const updates = textUpdates(50);
    store.appendBatch(updates.map((update) => ({ room: 'r', update })));
    store.replace('r', Y.mergeUpdates(store.load('r')));
    expect(store.count('r')).toBe(1);
    expect(rebuild(store.load('r'))).toBe('x'.repeat(50));
    store.close();
  });

  it('keeps appending in order after a compaction and a reopen', () => {
    const dir = tempDir();
    const store = openRoomStore(dir);
    const updates = textUpdates(30);
    store.appendBatch(updates.slice(0, 10).map((update) => ({ room: 'r', update })));
    store.replace('r', Y.mergeUpdates(store.load('r')));
    store.appendBatch(updates.slice(10, 20).map((update) => ({ room: 'r', update })));
    store.close();
    // A fresh process knows no seq: it reads the room's last one, whether it loads the room first or not.
    const reopened = openRoomStore(dir);
    reopened.appendBatch(updates.slice(20, 25).map((update) => ({ room: 'r', update })));
    reopened.forget('r');
    expect(reopened.load('r')).toHaveLength(16);
    reopened.appendBatch(updates.slice(25).map((update) => ({ room: 'r', update })));
    expect(reopened.count('r')).toBe(21);
    expect(rebuild(reopened.load('r'))).toBe('x'.repeat(30));
    reopened.close();
  });

  it('creates new stores with small pages, one leaf changed per appended update', () => {
    const store = openRoomStore(tempDir());
    expect(store.db.pragma('page_size', { simple: true })).toBe(1024);
    expect(store.db.pragma('user_version', { simple: true })).toBe(3);
    store.close();
  });

  it('starts the WAL over without cutting its file back (truncating it stalled the next commit)', () => {
    const store = openRoomStore(tempDir(), { checkpointInBackground: true });
    const walBytes = () => statSync(`${store.file}-wal`).size;
    const update = new Uint8Array(2000).fill(1);
    // Past the smallest limit a relay ever had (4 MiB), in relay-sized commits.
    while (walBytes() < 6 * 1024 * 1024) store.appendBatch(Array.from({ length: 20 }, () => ({ room: 'r', update })));
    const before = walBytes();
    store.checkpoint();
    store.appendBatch([{ room: 'r', update }]);
    // Restarted: the WAL holds that one commit's few pages (thousands before), and its file kept its size.
    const [{ log }] = store.db.pragma('wal_checkpoint(PASSIVE)') as [{ log: number }];
    expect(log).toBeLessThan(10);
    expect(walBytes()).toBe(before);
    store.close();
  });

  it('moves a store written by an earlier relay into the new table, order and rooms kept', () => {
    const dir = tempDir();
    const legacy = new Database(join(dir, 'maillage-relay.sqlite'));
    legacy.exec(`CREATE TABLE updates (seq INTEGER PRIMARY KEY AUTOINCREMENT, room TEXT NOT NULL, data BLOB NOT NULL);
      CREATE INDEX updates_by_room ON updates (room, seq);`);
    const insert = legacy.prepare('INSERT INTO updates (room, data) VALUES (?, ?)');
    const updates = textUpdates(12);
    // Interleaved rooms, as a relay writes them.
    updates.forEach((update, i) => insert.run(i % 3 === 0 ? 'other' : 'a', update));
    legacy.close();

    const store = openRoomStore(dir);
    expect(store.count('a')).toBe(8);
    expect(store.count('other')).toBe(4);
    const tables = (
      store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
    ).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['rooms', 'room_log']));
    expect(tables).not.toContain('updates');
    const bytes = (list: Uint8Array[]) => list.map((u) => [...u]);
    expect(bytes(store.load('a'))).toEqual(bytes(updates.filter((_, i) => i % 3 !== 0)));
    expect(bytes(store.load('other'))).toEqual(bytes(updates.filter((_, i) => i % 3 === 0)));
    store.appendBatch([{ room: 'a', update: new Uint8Array([0, 0]) }]);
    expect(store.count('a')).toBe(9);
    store.close();
    // Reopening does not migrate twice.
    const again = openRoomStore(dir);
    expect(again.count('a')).toBe(9);
    again.close();
  });

  it('moves a store of version 2 (rows keyed by room name) onto room numbers, seqs and order kept', () => {
    const dir = tempDir();
    const v2 = new Database(join(dir, 'maillage-relay.sqlite'));
    v2.exec(`CREATE TABLE room_updates (room TEXT NOT NULL, seq INTEGER NOT NULL, data BLOB NOT NULL,
      PRIMARY KEY (room, seq)) WITHOUT ROWID; PRAGMA user_version = 2;`);
    const insert = v2.prepare('INSERT INTO room_updates (room, seq, data) VALUES (?, ?, ?)');
    const updates = textUpdates(9);
    // Seqs with a gap (a batch that rolled back), rooms interleaved.
    updates.forEach((update, i) => insert.run(i % 2 ? 'b' : 'a', 10 + i * 2, update));
    v2.close();

    const store = openRoomStore(dir);
    const bytes = (list: Uint8Array[]) => list.map((u) => [...u]);
    expect(bytes(store.load('a'))).toEqual(bytes(updates.filter((_, i) => i % 2 === 0)));
    expect(bytes(store.load('b'))).toEqual(bytes(updates.filter((_, i) => i % 2 === 1)));
    expect(store.lastSeq('a')).toBe(26);
    // The view reads as the table of version 2 did, for the readers that scan it at start.
    const viewed = store.db.prepare('SELECT room, MAX(seq) AS seq FROM room_updates GROUP BY room ORDER BY room').all();
    expect(viewed).toEqual([
      { room: 'a', seq: 26 },
      { room: 'b', seq: 24 },
    ]);
    store.appendBatch([{ room: 'a', update: new Uint8Array([0, 0]) }]);
    expect(store.lastSeq('a')).toBe(27);
    store.close();
  });

  it('never gives a room number twice when the batch that first wrote to a room rolled back', () => {
    const dir = tempDir();
    const store = openRoomStore(dir);
    const [first, second, third] = textUpdates(3) as [Uint8Array, Uint8Array, Uint8Array];
    // A NOT NULL column refuses the second row: the whole batch rolls back.
    const refused = [
      { room: 'new-one', update: first },
      { room: 'other', update: null as unknown as Uint8Array },
    ];
    expect(() => store.appendBatch(refused)).toThrow(/NOT NULL/);
    expect(store.load('new-one')).toEqual([]);
    store.appendBatch([{ room: 'new-two', update: second }]);
    store.appendBatch([{ room: 'new-one', update: third }]);
    const bytes = (list: Uint8Array[]) => list.map((u) => [...u]);
    expect(bytes(store.load('new-one'))).toEqual(bytes([third]));
    expect(bytes(store.load('new-two'))).toEqual(bytes([second]));
    store.close();
    const reopened = openRoomStore(dir);
    expect(bytes(reopened.load('new-one'))).toEqual(bytes([third]));
    expect(bytes(reopened.load('new-two'))).toEqual(bytes([second]));
    reopened.close();
  });
});

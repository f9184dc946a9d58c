import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { WebSocket } from 'ws';
import { openRoomStore } from './persistence';
import { Rooms } from './rooms';
import { Metrics } from './metrics';
import { WorkspaceQuota } from './workspaceQuota';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A socket the room never writes to (not open), that records how it was closed. */
const socket = () => ({
  readyState: 3,
  OPEN: 1,
  closed: [] as number[],
  close(code: number) {
    this.closed.push(code);
  },
});

describe('workspace quota', () => {
  it('counts what each workspace holds on disk through appends and compaction, as a restart reads it back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'maillage-quota-'));
    dirs.push(dir);
    const store = openRoomStore(dir);
    const quota = new WorkspaceQuota(store.db, 1 << 20);
    const rooms = new Rooms(store, {
      evictAfterMs: 60_000,
      compactAfterUpdates: 10,
      maxBufferedBytes: 1 << 20,
      log: () => {},
      metrics: new Metrics(),
      quota,
    });
    const ws = socket() as unknown as WebSocket;
    const doc = new Y.Doc();
    doc.on('update', (update: Uint8Array) => {
      rooms.receive(rooms.acquire('alpha/doc', ws)!, update, ws);
      rooms.flush();
    });
    for (let i = 0; i < 25; i++) doc.getText('t').insert(i, 'x'.repeat(100));
    const other = new Y.Doc();
    other.on('update', (update: Uint8Array) => rooms.receive(rooms.acquire('beta/doc', ws)!, update, ws));
    other.getText('t').insert(0, 'y'.repeat(500));
    rooms.flush();

    const onDisk = (ws: string) =>
      store.db
        .prepare<[string], { bytes: number }>('SELECT SUM(length(data)) AS bytes FROM room_updates WHERE room LIKE ?')
        .get(`${ws}/%`)!.bytes;
    expect(store.count('alpha/doc')).toBeLessThan(10); // compacted at least once
    expect(quota.usedBy('alpha')).toBe(onDisk('alpha'));
    expect(quota.usedBy('beta')).toBe(onDisk('beta'));
    const reread = new WorkspaceQuota(store.db, 1 << 20);
    expect([reread.usedBy('alpha'), reread.usedBy('beta')]).toEqual([quota.usedBy('alpha'), quota.usedBy('beta')]);
    rooms.shutdown();
    store.close();
  });

  it("refuses an update that would take its workspace past the quota, and only that workspace's", () => {
    const dir = mkdtempSync(join(tmpdir(), 'maillage-quota-'));
    dirs.push(dir);
    const store = openRoomStore(dir);
    const quota = new WorkspaceQuota(store.db, 1000);
    const rooms = new Rooms(store, {
      evictAfterMs: 60_000,
      compactAfterUpdates: 100,
      maxBufferedBytes: 1 << 20,
      log: () => {},
      metrics: new Metrics(),
      quota,
    });
    const [a, b] = [socket(), socket()];
    const write = (room: string, from: ReturnType<typeof socket>, text: string) => {
      const doc = new Y.Doc();
      doc.on('update', (update: Uint8Array) =>
        rooms.receive(rooms.acquire(room, from as unknown as WebSocket)!, update, from as unknown as WebSocket),
      );
      doc.getText('t').insert(0, text);
      rooms.flush();
    };
    write('alpha/one', a, 'x'.repeat(600));
    write('alpha/two', a, 'x'.repeat(600));
    write('beta/one', b, 'y'.repeat(600));
    expect(a.closed).toEqual([4507]);
    expect(b.closed).toEqual([]);
    expect([store.count('alpha/two'), store.count('beta/one')]).toEqual([0, 1]);
    rooms.shutdown();
    store.close();
  });
});

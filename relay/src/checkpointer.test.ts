import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Checkpointer, type RestartReason } from './checkpointer';
import { openRoomStore, type RoomStore } from './persistence';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Commits back to back for `ms` while the worker checkpoints; the largest the WAL file grew to. */
async function writeSteadily(store: RoomStore, ms: number): Promise<number> {
  const update = new Uint8Array(40).fill(7);
  const end = Date.now() + ms;
  let largest = 0;
  while (Date.now() < end) {
    for (let i = 0; i < 20; i++) store.appendBatch([{ room: `room-${i % 50}`, update }]);
    largest = Math.max(largest, statSync(`${store.file}-wal`).size);
    // Let the worker's messages in between commits, as the relay's event loop does.
    await new Promise((r) => setImmediate(r));
  }
  return largest;
}

describe('checkpointer', () => {
  it('keeps the WAL bounded under writes that never pause, by restarting it from the writer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'maillage-wal-'));
    dirs.push(dir);
    const store = openRoomStore(dir, { checkpointInBackground: true });
    let restarts = 0;
    const errors: string[] = [];
    const maxWalBytes = 256 * 1024;
    const checkpointer = new Checkpointer(store.file, {
      onError: (message) => errors.push(message),
      restartWal: () => {
        restarts++;
        store.checkpoint();
      },
      maxWalBytes,
      everyMs: 50,
      // At nice 19, with the suite's other workers on both cores, the worker barely ran: no checkpoint, so no restart
      // to ask for, and a WAL holding every commit (a CI run: 26.9 MB). The restart is what is tested here.
      niceness: 0,
    });
    const largest = await writeSteadily(store, 2500);
    // Idle now. Checkpoints that ran during the last commits may still report a WAL that changed (on a slow machine
    // their messages arrive after the loop): let them in. From then on the WAL no longer changes, so it is asked to
    // restart once more at most, not at every checkpoint (ten times in these 500 ms before).
    await new Promise((r) => setTimeout(r, 150));
    const restartsWhenIdle = restarts;
    await new Promise((r) => setTimeout(r, 500));
    expect(restarts - restartsWhenIdle).toBeLessThanOrEqual(1);
    await checkpointer.stop();
    const written = store.db.prepare('SELECT COUNT(*) AS n FROM room_updates').get() as { n: number };
    store.close();
    expect(errors).toEqual([]);
    expect(restarts).toBeGreaterThan(0);
    // Each commit adds at least a 1 KiB page to the WAL: never restarted, it would hold them all. Restarted, it holds
    // what was written between two checkpoints (this loop commits far faster than the relay ever does).
    expect(written.n).toBeGreaterThan(20_000);
    expect(largest).toBeLessThan((written.n * 1024) / 4);
  });

  it('checkpoints from the writer when the worker goes silent, so the WAL stays bounded all the same', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'maillage-wal-'));
    dirs.push(dir);
    const store = openRoomStore(dir, { checkpointInBackground: true });
    const reasons: RestartReason[] = [];
    const checkpointer = new Checkpointer(store.file, {
      onError: (message) => expect.unreachable(message),
      restartWal: (reason) => {
        reasons.push(reason);
        store.checkpoint();
      },
      // A worker that never gets the core (or has died): in this test it never checkpoints at all.
      everyMs: 3_600_000,
      silentAfterMs: 100,
    });
    const largest = await writeSteadily(store, 1500);
    await checkpointer.stop();
    const written = store.db.prepare('SELECT COUNT(*) AS n FROM room_updates').get() as { n: number };
    store.close();
    // About one restart per silence of 100 ms: not one per check, not none.
    expect(reasons.length).toBeGreaterThanOrEqual(5);
    expect(reasons.length).toBeLessThanOrEqual(16);
    expect(new Set(reasons)).toEqual(new Set(['checkpointer_silent']));
    expect(written.n).toBeGreaterThan(10_000);
    expect(largest).toBeLessThan((written.n * 1024) / 4);
  });
});

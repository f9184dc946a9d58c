import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Checkpointer, type RestartReason } from './checkpointer';
import { openRoomStore, type RoomStore } from './persistence';
import { WalRestarts } from './walRestarts';

// How long the WAL takes to stay bounded on a real, shared machine is measured by `pnpm bench:checkpointer`
// (bench/checkpointerProbe.ts); these tests check what the checkpointer does, not how fast.

const dirs: string[] = [];
const checkpointers: Checkpointer[] = [];
afterEach(async () => {
  for (const checkpointer of checkpointers.splice(0)) await checkpointer.stop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempStore(): RoomStore {
  const dir = mkdtempSync(join(tmpdir(), 'maillage-wal-'));
  dirs.push(dir);
  return openRoomStore(dir, { checkpointInBackground: true });
}

function started(file: string, options: ConstructorParameters<typeof Checkpointer>[1]): Checkpointer {
  const checkpointer = new Checkpointer(file, options);
  checkpointers.push(checkpointer);
  return checkpointer;
}

/** `count` commits of one update each (small by default), as the relay's group commits write them. */
function commit(store: RoomStore, count: number, bytes = 40): void {
  const update = new Uint8Array(bytes).fill(7);
  for (let i = 0; i < count; i++) store.appendBatch([{ room: `room-${i % 50}`, update }]);
}

/** Resolves once `check` holds, looked at every 10 ms: the test's own timeout is the only bound. */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 10));
}

describe('when the writer restarts the WAL', () => {
  const watch = () => {
    const asked: RestartReason[] = [];
    return { asked, restarts: new WalRestarts(1000, 100, (reason) => asked.push(reason), 0) };
  };

  it('asks once the WAL is past its bound, not again while it is unchanged, again once it changed', () => {
    const { asked, restarts } = watch();
    restarts.checkpointed(1000, 1);
    expect(asked).toEqual([]);
    restarts.checkpointed(5000, 2);
    restarts.checkpointed(5000, 3);
    restarts.checkpointed(5000, 4);
    expect(asked).toEqual(['wal_full']);
    restarts.checkpointed(6000, 5);
    expect(asked).toEqual(['wal_full', 'wal_full']);
  });

  it('asks once per silence of the worker, and a report starts the silence over', () => {
    const { asked, restarts } = watch();
    restarts.tick(99);
    expect(asked).toEqual([]);
    restarts.tick(100);
    restarts.tick(150);
    expect(asked).toEqual(['checkpointer_silent']);
    restarts.tick(200);
    expect(asked).toEqual(['checkpointer_silent', 'checkpointer_silent']);
    restarts.checkpointed(10, 250);
    restarts.tick(349);
    expect(asked).toHaveLength(2);
    restarts.tick(350);
    expect(asked).toHaveLength(3);
  });
});

// A worker loaded from the sources (tsx) takes a second or more to start on a busy machine.
describe('the checkpointer thread', { timeout: 30_000 }, () => {
  it('checkpoints the store and reports its WAL: past the bound, the writer is asked to restart it', async () => {
    const store = tempStore();
    const asked: RestartReason[] = [];
    const errors: string[] = [];
    started(store.file, {
      onError: (message) => errors.push(message),
      restartWal: (reason) => asked.push(reason),
      maxWalBytes: 64 * 1024,
      everyMs: 20,
      silentAfterMs: 3_600_000,
      // Its checkpoints are what is tested, not its priority: at 19 on a busy machine it may wait long for a core.
      niceness: 0,
    });
    commit(store, 200); // each commit writes at least a 1 KiB page: past the bound
    await until(() => asked.length > 0);
    expect(asked).toEqual(['wal_full']);
    // The writer restarts it: the WAL then holds the next commit alone, which the worker reports under the bound.
    store.checkpoint();
    commit(store, 1);
    const [{ log }] = store.db.pragma('wal_checkpoint(PASSIVE)') as [{ log: number }];
    expect(log).toBeLessThan(10);
    expect(errors).toEqual([]);
  });

  it('checkpoints once more when stopped: what was committed reaches the database file', async () => {
    const store = tempStore();
    // A worker whose period never comes: only the last checkpoint, on stop, copies anything.
    const checkpointer = new Checkpointer(store.file, {
      onError: (message) => expect.unreachable(message),
      restartWal: () => expect.unreachable('no restart asked'),
      everyMs: 3_600_000,
      silentAfterMs: 3_600_000,
    });
    commit(store, 100, 2000);
    const before = statSync(store.file).size;
    await checkpointer.stop();
    // 200 KB committed: in the WAL alone until then.
    expect(statSync(store.file).size).toBeGreaterThan(before + 150 * 1024);
    store.close();
  });

  it('asks the writer to checkpoint when the worker says nothing', async () => {
    const store = tempStore();
    const asked: RestartReason[] = [];
    started(store.file, {
      onError: (message) => expect.unreachable(message),
      restartWal: (reason) => asked.push(reason),
      // A worker that never reports (starved of the core, or dead).
      everyMs: 3_600_000,
      silentAfterMs: 50,
    });
    await until(() => asked.length >= 2);
    expect(new Set(asked)).toEqual(new Set(['checkpointer_silent']));
  });

  it('reports what the worker cannot do, such as open its store', async () => {
    const errors: string[] = [];
    started(join(tmpdir(), 'maillage-no-such-dir', 'none', 'maillage-relay.sqlite'), {
      onError: (message) => errors.push(message),
      restartWal: () => {},
    });
    await until(() => errors.length > 0);
    expect(errors[0]).toMatch(/directory does not exist|unable to open/);
  });
});

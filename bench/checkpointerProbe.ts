// `pnpm bench:checkpointer`: how well the checkpointer keeps the WAL bounded on this machine, now, under commits that
// never pause. These depend on how much of a core its worker thread gets, so they are measured here rather than
// asserted by the default test run (relay/src/checkpointer.test.ts checks what it does). Figures: docs/decisions/0023.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Checkpointer, type CheckpointerOptions, type RestartReason } from '../relay/src/checkpointer';
import { openRoomStore, type RoomStore } from '../relay/src/persistence';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: { seconds: { type: 'string', default: '2.5' }, niceness: { type: 'string', default: '0' } },
});
const seconds = Number(values.seconds);
const niceness = Number(values.niceness);

/** Commits back to back for `ms`, letting the worker's messages in between as the relay's event loop does. */
async function writeSteadily(store: RoomStore, ms: number): Promise<number> {
  const update = new Uint8Array(40).fill(7);
  const end = Date.now() + ms;
  let largest = 0;
  while (Date.now() < end) {
    for (let i = 0; i < 20; i++) store.appendBatch([{ room: `room-${i % 50}`, update }]);
    largest = Math.max(largest, statSync(`${store.file}-wal`).size);
    await new Promise((r) => setImmediate(r));
  }
  return largest;
}

interface Probe {
  name: string;
  options: Omit<CheckpointerOptions, 'onError' | 'restartWal'>;
  /** Measured after the writes: more restarts asked while idle (none is what a WAL left unchanged should get). */
  idleMs: number;
}

const PROBES: Probe[] = [
  {
    name: `worker every 50 ms at nice ${niceness}, restart past 256 KiB`,
    options: { maxWalBytes: 256 * 1024, everyMs: 50, niceness },
    idleMs: 500,
  },
  {
    name: 'worker silent (never checkpoints), writer after 100 ms of silence',
    options: { everyMs: 3_600_000, silentAfterMs: 100 },
    idleMs: 0,
  },
];

for (const probe of PROBES) {
  const dir = mkdtempSync(join(tmpdir(), 'maillage-wal-probe-'));
  const store = openRoomStore(dir, { checkpointInBackground: true });
  const asked: RestartReason[] = [];
  const errors: string[] = [];
  const checkpointer = new Checkpointer(store.file, {
    ...probe.options,
    onError: (message) => errors.push(message),
    restartWal: (reason) => {
      asked.push(reason);
      store.checkpoint();
    },
  });
  // Run from the sources, the worker takes a while to load (tsx): the relay's bundle does not wait for it.
  await checkpointer.started;
  const atStart = asked.length;
  const largest = await writeSteadily(store, seconds * 1000);
  // Checkpoints of the last commits may still report a WAL that changed: let them in, then count what comes after.
  await new Promise((r) => setTimeout(r, 150));
  const during = asked.slice(atStart);
  await new Promise((r) => setTimeout(r, probe.idleMs));
  const whenIdle = asked.length - atStart - during.length;
  await checkpointer.stop();
  const { n } = store.db.prepare('SELECT COUNT(*) AS n FROM room_updates').get() as { n: number };
  store.close();
  rmSync(dir, { recursive: true, force: true });
  // Each commit adds at least a 1 KiB page: a WAL never restarted would hold them all (the test's bound was 25 %).
  const share = largest / (n * 1024);
  const count = (reason: RestartReason) => `${during.filter((r) => r === reason).length} ${reason}`;
  process.stdout.write(
    `${probe.name}: ${n} commits in ${seconds} s, restarts asked ${count('wal_full')}, ${count('checkpointer_silent')}, ` +
      `${whenIdle} more in ${probe.idleMs} ms idle; largest WAL ${(largest / 2 ** 20).toFixed(1)} MiB, ` +
      `${(share * 100).toFixed(1)} % of 1 KiB per commit${errors.length > 0 ? `; errors: ${errors.join('; ')}` : ''}\n`,
  );
}

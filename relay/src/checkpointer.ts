// WAL checkpoints off the event loop. A checkpoint copies the WAL into the database and fsyncs it: on this class of
// disk that is 2–5 ms, long enough to show in every socket's p99 if the relay's own thread does it. So the main
// connection never checkpoints (wal_autocheckpoint = 0) and a worker thread with its own connection does, PASSIVE,
// which never blocks the writer. Measured: commits over 2 ms fell from 49 to 0 per 8,800 (see docs/decisions/0001).
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
// Lowest priority for this thread only (Linux: a thread is a task with its own nice value): on a machine with one
// free core, or the relay pinned to one, a checkpoint (page copies, fsync, this isolate's GC) otherwise takes the
// core from the event loop for milliseconds every second. Elsewhere the call fails and nothing changes.
try {
  const tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
  require('node:os').setPriority(tid, workerData.niceness);
} catch {}
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
// It only checkpoints: a tiny page cache is enough.
db.pragma('cache_size = -64');
const pageSize = db.pragma('page_size', { simple: true });
const checkpoint = () => {
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ kind: 'checkpointed', walBytes: result.log * pageSize });
  } catch (err) {
    parentPort.postMessage({ kind: 'error', message: String(err && err.message) });
  }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', (m) => { if (m === 'stop') { clearInterval(timer); checkpoint(); db.close(); parentPort.postMessage({ kind: 'stopped' }); } });
`;

/** Why the writer is asked to checkpoint: the WAL passed its bound, or the worker stopped reporting. */
export type RestartReason = 'wal_full' | 'checkpointer_silent';

type WorkerMessage =
  { kind: 'checkpointed'; walBytes: number } | { kind: 'error'; message: string } | { kind: 'stopped' };

export interface CheckpointerOptions {
  onError: (message: string) => void;
  /**
   * Checkpoints on the writer's own connection. SQLite starts the WAL over only when a writer finds every frame
   * already copied; under steady writes one always lands during the worker's checkpoint (its fsyncs take ~10 ms
   * here), so the WAL never restarts and grows without end (2.3 MB/s at 1,000 commits/s, measured). Called when
   * the WAL holds more than `maxWalBytes` after a checkpoint: it costs the event loop one checkpoint (~11 ms here)
   * every `maxWalBytes` of writes, instead of a disk that fills up. Also called when the worker has said nothing for
   * `silentAfterMs` (see below), with that reason.
   */
  restartWal: (reason: RestartReason) => void;
  maxWalBytes?: number;
  everyMs?: number;
  /**
   * Past this long without a checkpoint from the worker (10 of its periods by default), the writer checkpoints itself,
   * again after each such stretch. At nice 19 on a machine whose cores other processes keep busy, the worker can go
   * without the core for as long as they do, and the WAL meanwhile kept every commit (172 MB in 2.5 s of flat-out
   * writes, measured); a worker that died would have left it growing for good.
   */
  silentAfterMs?: number;
  /** The worker thread's nice value: 19, the lowest priority, unless a test needs its checkpoints on a busy machine. */
  niceness?: number;
}

/**
 * Past this much WAL the writer checkpoints once itself (see restartWal). Each time costs the event loop 3–7 ms (two
 * fsyncs): at 32 MiB that was every 4 s at 4,000 clients (8 MB of WAL a second), a tenth of their p99's late messages
 * each time; at 128 MiB, every ~16 s (docs/decisions/0011). The file itself is not cut back afterwards (see
 * WAL_FILE_LIMIT_BYTES in persistence.ts). A CPTS's relay writes far less and restarts on its own.
 */
export const MAX_WAL_BYTES = 128 * 1024 * 1024;

export class Checkpointer {
  private readonly worker: Worker;
  private readonly watchdog: NodeJS.Timeout;

  constructor(
    file: string,
    {
      onError,
      restartWal,
      maxWalBytes = MAX_WAL_BYTES,
      everyMs = 1000,
      niceness = 19,
      silentAfterMs = 10 * everyMs,
    }: CheckpointerOptions,
  ) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    // A small isolate: the worker holds a connection and a timer, nothing else.
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driver, file, everyMs, niceness },
      resourceLimits: { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 16 },
    });
    // Asked again only if the WAL changed since: while the relay is idle, a large WAL stays as it is until the next
    // commit starts it over, and asking every second would only log a checkpoint with nothing to do.
    let askedAtBytes = -1;
    let heardAt = performance.now();
    this.worker.on('message', (m: WorkerMessage) => {
      if (m.kind === 'error') onError(m.message);
      else if (m.kind === 'checkpointed') {
        heardAt = performance.now();
        if (m.walBytes > maxWalBytes && m.walBytes !== askedAtBytes) {
          askedAtBytes = m.walBytes;
          restartWal('wal_full');
        }
      }
    });
    this.worker.on('error', (err) => onError(err.message));
    this.worker.unref();
    // One timer on the event loop, checked a few times a silence: the writer's bound when the worker's is gone.
    this.watchdog = setInterval(
      () => {
        if (performance.now() - heardAt < silentAfterMs) return;
        heardAt = performance.now();
        restartWal('checkpointer_silent');
      },
      Math.max(10, silentAfterMs / 4),
    );
    this.watchdog.unref();
  }

  /** Last checkpoint, then the worker's connection closes: the main one closes last and removes the WAL. */
  async stop(): Promise<void> {
    clearInterval(this.watchdog);
    const stopped = new Promise<void>((resolve) => {
      this.worker.on('message', (m: WorkerMessage) => m.kind === 'stopped' && resolve());
      this.worker.once('exit', () => resolve());
    });
    this.worker.postMessage('stop');
    await Promise.race([stopped, new Promise((r) => setTimeout(r, 2000))]);
    await this.worker.terminate();
  }
}

// WAL checkpoints off the event loop: a checkpoint copies the WAL into the database and fsyncs it, long enough to show
// in every socket's p99 if the relay's thread did it. So the main connection never checkpoints (wal_autocheckpoint = 0)
// and a worker thread (checkpointWorker.ts) does, PASSIVE, which never blocks the writer (docs/decisions/0001).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { CheckpointWorkerCommand, CheckpointWorkerData, CheckpointWorkerMessage } from './checkpointWorker';
import { WalRestarts, type RestartReason } from './walRestarts';

export type { RestartReason } from './walRestarts';

export interface CheckpointerOptions {
  onError: (message: string) => void;
  /**
   * Checkpoints on the writer's own connection, so that its next commit starts the WAL over: under writes that never
   * pause the worker alone never finds the moment SQLite needs for that (docs/decisions/0010). Called when the WAL
   * holds more than `maxWalBytes` after a checkpoint, and when the worker has said nothing for `silentAfterMs`.
   */
  restartWal: (reason: RestartReason) => void;
  maxWalBytes?: number;
  everyMs?: number;
  /**
   * Past this long without a report from the worker (10 of its periods by default), the writer checkpoints itself,
   * again after each such stretch: a worker starved of the core, or dead, must not leave the WAL growing
   * (docs/decisions/0012).
   */
  silentAfterMs?: number;
  /** The worker thread's nice value: 19, the lowest priority, unless a test needs its checkpoints on a busy machine. */
  niceness?: number;
}

/**
 * Past this much WAL the writer checkpoints once itself (see restartWal). Each time costs the event loop a checkpoint,
 * so not too often under heavy load (docs/decisions/0011); the file is not cut back afterwards (WAL_FILE_LIMIT_BYTES in
 * persistence.ts). A CPTS's relay writes far less and its WAL restarts on its own.
 */
export const MAX_WAL_BYTES = 128 * 1024 * 1024;

export class Checkpointer {
  private readonly worker: Worker;
  private readonly watchdog: NodeJS.Timeout;
  /** Settles once the worker listens (or has ended): a stop asked before then would find no one to checkpoint. */
  readonly started: Promise<void>;
  private ended = false;

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
    const restarts = new WalRestarts(maxWalBytes, silentAfterMs, restartWal, performance.now());
    this.worker = startWorker({ file, everyMs, niceness });
    this.worker.on('message', (m: CheckpointWorkerMessage) => {
      if (m.kind === 'error') onError(m.message);
      else if (m.kind === 'checkpointed') restarts.checkpointed(m.walBytes, performance.now());
    });
    this.worker.on('error', (err) => onError(err.message));
    // Once it listens, the worker no longer keeps the process alive by itself; until then, awaiting it must.
    this.started = new Promise((resolve) => {
      this.worker.on('message', (m: CheckpointWorkerMessage) => {
        if (m.kind !== 'ready') return;
        this.worker.unref();
        resolve();
      });
      this.worker.once('exit', () => {
        this.ended = true;
        resolve();
      });
    });
    // One timer on the event loop, a few looks per silence: the writer's bound when the worker's is gone.
    this.watchdog = setInterval(() => restarts.tick(performance.now()), Math.max(10, silentAfterMs / 4));
    this.watchdog.unref();
  }

  /** Last checkpoint, then the worker's connection closes: the main one closes last and removes the WAL. */
  async stop(): Promise<void> {
    clearInterval(this.watchdog);
    // Until it has ended, the worker keeps the process alive: nothing else may be left to wait for.
    this.worker.ref();
    await this.started;
    if (this.ended) return;
    const stopped = new Promise<void>((resolve) => {
      this.worker.on('message', (m: CheckpointWorkerMessage) => m.kind === 'stopped' && resolve());
      this.worker.once('exit', () => resolve());
    });
    this.worker.postMessage('stop' satisfies CheckpointWorkerCommand);
    await Promise.race([stopped, new Promise((r) => setTimeout(r, 2000))]);
    await this.worker.terminate();
  }
}

/**
 * The worker: checkpointWorker.js beside the bundle (relay/dist), or checkpointWorker.ts beside this file when the
 * relay runs from its sources (tests, tsx). A relay built without its worker refuses to start.
 */
function startWorker(workerData: CheckpointWorkerData): Worker {
  const fromSources = import.meta.url.endsWith('.ts');
  const url = new URL(fromSources ? './checkpointWorker.ts' : './checkpointWorker.js', import.meta.url);
  if (!existsSync(url)) throw new Error(`the checkpointer's worker is missing: ${fileURLToPath(url)}`);
  // A small isolate: the worker holds a connection and a timer, nothing else.
  const options: WorkerOptions = {
    workerData,
    resourceLimits: { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 16 },
  };
  if (!fromSources) return new Worker(url, options);
  // Node 20 runs no TypeScript and a worker takes no --import: tsx (a dev dependency) loads the module for it.
  const href = JSON.stringify(url.href);
  return new Worker(`import('tsx/esm/api').then(({ tsImport }) => tsImport(${href}, ${href}))`, {
    ...options,
    eval: true,
  });
}

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
  require('node:os').setPriority(tid, 19);
} catch {}
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
// It only checkpoints: a tiny page cache is enough.
db.pragma('cache_size = -64');
const checkpoint = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (err) { parentPort.postMessage(String(err && err.message)); } };
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', (m) => { if (m === 'stop') { clearInterval(timer); checkpoint(); db.close(); parentPort.postMessage('stopped'); } });
`;

export class Checkpointer {
  private readonly worker: Worker;

  constructor(file: string, onError: (message: string) => void, everyMs = 1000) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    // A small isolate: the worker holds a connection and a timer, nothing else.
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file, everyMs }, resourceLimits: { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 16 } });
    this.worker.on('message', (m) => m !== 'stopped' && onError(String(m)));
    this.worker.on('error', (err) => onError(err.message));
    this.worker.unref();
  }

  /** Last checkpoint, then the worker's connection closes: the main one closes last and removes the WAL. */
  async stop(): Promise<void> {
    const stopped = new Promise<void>((resolve) => {
      this.worker.once('message', () => resolve());
      this.worker.once('exit', () => resolve());
    });
    this.worker.postMessage('stop');
    await Promise.race([stopped, new Promise((r) => setTimeout(r, 2000))]);
    await this.worker.terminate();
  }
}

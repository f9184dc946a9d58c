// The checkpointer's thread (checkpointer.ts): on a connection of its own, checkpoints the WAL every period, PASSIVE
// (it never blocks the writer), and reports the WAL's size after each. Built beside the relay (scripts/build-relay.mjs).
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

/** What the writer gives the worker. */
export interface CheckpointWorkerData {
  file: string;
  everyMs: number;
  /** This thread's nice value (Linux). */
  niceness: number;
}

/** What the worker tells the writer. */
export type CheckpointWorkerMessage =
  | { kind: 'ready' }
  | { kind: 'checkpointed'; walBytes: number }
  | { kind: 'error'; message: string }
  | { kind: 'stopped' };

/** What the writer tells the worker: one last checkpoint, then close. */
export type CheckpointWorkerCommand = 'stop';

const port = parentPort;
if (port === null) throw new Error('checkpointWorker runs as a worker thread, started by checkpointer.ts');
const { file, everyMs, niceness } = workerData as CheckpointWorkerData;
const post = (message: CheckpointWorkerMessage) => port.postMessage(message);

lowerPriority(niceness);
const db = new Database(file);
db.pragma('busy_timeout = 1000');
// It only checkpoints: a tiny page cache is enough.
db.pragma('cache_size = -64');
const pageSize = db.pragma('page_size', { simple: true }) as number;

function checkpoint(): void {
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)') as [{ log: number }];
    post({ kind: 'checkpointed', walBytes: result.log * pageSize });
  } catch (err) {
    post({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
  }
}

const timer = setInterval(checkpoint, everyMs);
port.on('message', (command: CheckpointWorkerCommand) => {
  if (command !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  post({ kind: 'stopped' });
});
post({ kind: 'ready' });

/**
 * Lowers this thread's priority only (on Linux a thread is a task with its own nice value): a checkpoint's page copies,
 * fsyncs and GC would otherwise take the core from the event loop on a machine with one free core (docs/decisions/0008).
 * Elsewhere the call fails and nothing changes.
 */
function lowerPriority(nice: number): void {
  try {
    setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), nice);
  } catch {
    // Not Linux, or not allowed: the thread keeps its priority.
  }
}

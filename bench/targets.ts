// The servers under test, each started as its own process pinned to core 0: the reference (in memory, LevelDB) and ours.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { relayNodeArgs } from '../relay/src/launch';
import { benchEnv } from './env';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const REFERENCE = fileURLToPath(new URL('./node_modules/@y/websocket-server/src/server.js', import.meta.url));
const FLOOR = fileURLToPath(new URL('./floorServer.ts', import.meta.url));
const GC_ON_SIGNAL = ['--expose-gc', '--require', fileURLToPath(new URL('./gcOnSignal.cjs', import.meta.url))];

/**
 * Not in the default set: `base`, ours again for an A/B of a change, from another build (BENCH_BASE_ENTRY=path/to/main.js)
 * and/or with other node flags (BASE_NODE_FLAGS instead of OURS_NODE_FLAGS);
 * `floor`, a forwarder that does nothing else (floorServer.ts): what the load generator and the kernel cost alone.
 */
export type TargetName = 'ref-mem' | 'ref-leveldb' | 'ours' | 'base' | 'floor';
export const TARGETS: TargetName[] = ['ref-mem', 'ref-leveldb', 'ours'];

export interface RunningTarget {
  name: TargetName;
  pid: number;
  /** Prefix to which `/<room>` is appended. */
  wsBase: string;
  /** http://host:port/ of the server (ours answers /metrics there). */
  httpBase: string;
  /** keepData: leave the data directory for a restart. */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** `taskset -c <core>` when available, so the server and the load generator never share a core. */
export function pinned(core: number, command: string, args: string[]): [string, string[]] {
  return benchEnv.noTaskset() ? [command, args] : ['taskset', ['-c', String(core), command, ...args]];
}

export interface TargetOptions {
  /** Reuse a data directory (a restart); it is then left in place on stop. */
  dataDir?: string;
  env?: Record<string, string>;
  /** SIGUSR2 then runs a full GC in the server (gcOnSignal.cjs), whichever it is. */
  gcOnSignal?: boolean;
  /** Appends the server's stderr (ours: its JSON log lines) to this file instead of the terminal's. */
  stderrFile?: string;
}

export async function startTarget(
  name: TargetName,
  core = 0,
  options: TargetOptions = {},
): Promise<RunningTarget & { dataDir: string }> {
  const port = await freePort();
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), `bench-${name}-`));
  const env: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...options.env };
  let args: string[];
  let wsBase: string;
  if (name === 'ours' || name === 'base') {
    // Extra flags go after launch.json's own, so that they win (V8 keeps a flag's last value).
    const launch = relayNodeArgs(REPO);
    const extra = name === 'base' ? benchEnv.baseNodeFlags() : benchEnv.oursNodeFlags();
    const entry = (name === 'base' && benchEnv.baseEntry()) || launch.at(-1)!;
    args = [...launch.slice(0, -1), ...extra, entry];
    // Every bench client holds the same member's token from one address: the per-member and per-address caps are lifted.
    Object.assign(env, {
      DATA_DIR: dataDir,
      STATIC_DIR: dataDir,
      MAX_CONNECTIONS_PER_MEMBER: '1000000',
      MAX_CONNECTIONS_PER_ADDRESS: '0',
      SIGNED_REQUESTS_PER_ADDRESS: '0',
      ...options.env,
    });
    wsBase = `ws://127.0.0.1:${port}/sync`;
  } else if (name === 'floor') {
    // Our relay's GC flag: without it the floor's parallel GC helpers took turns with its event loop on the pinned
    // core, and the floor measured worse than ours on some runs (1,000 / 100: 3.0 ms against ours' 1.5).
    args = ['--single-threaded-gc', '--import', 'tsx', FLOOR];
    wsBase = `ws://127.0.0.1:${port}`;
  } else {
    args = [...benchEnv.refNodeFlags(), REFERENCE];
    if (name === 'ref-leveldb') env.YPERSISTENCE = dataDir;
    wsBase = `ws://127.0.0.1:${port}`;
  }
  if (options.gcOnSignal) args = [...GC_ON_SIGNAL, ...args];
  const [cmd, cmdArgs] = pinned(core, process.execPath, args);
  const stdoutFile = benchEnv.serverStdout();
  const out = stdoutFile ? openSync(stdoutFile, 'a') : 'ignore';
  const err = options.stderrFile ? openSync(options.stderrFile, 'a') : 'inherit';
  const child = spawn(cmd, cmdArgs, { cwd: REPO, env, stdio: ['ignore', out, err] });
  if (typeof err === 'number') closeSync(err);
  await waitForHttp(port, child);
  const pid = await childPid(child);
  return {
    name,
    pid,
    wsBase,
    httpBase: `http://127.0.0.1:${port}/`,
    dataDir,
    stop: async ({ keepData = false } = {}) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
      if (!options.dataDir && !keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** With taskset, the server is taskset's exec'd child: same pid. */
async function childPid(child: ChildProcess): Promise<number> {
  if (!child.pid) throw new Error('server did not start');
  return child.pid;
}

async function waitForHttp(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      await fetch(`http://127.0.0.1:${port}/healthz`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error('server did not listen within 20 s');
}

// Starts the real relay as it ships (node relay/dist/main.js, bundled by globalSetup) as a child process on a free port, for sync and e2e tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { relayNodeArgs } from '../../relay/src/launch';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

export interface RelayProcess {
  url: string;
  wsUrl: string;
  port: number;
  dataDir: string;
  pid: number;
  /** Everything the process wrote so far, stdout and stderr interleaved. */
  output(): string;
  /** Whether the process is still running. */
  alive(): boolean;
  /** SIGTERM, then wait for the exit. */
  stop(): Promise<void>;
  /** SIGKILL: a crash, nothing flushed on purpose. */
  kill(): Promise<void>;
  /** Starts again on the same data directory and port. */
  restart(): Promise<RelayProcess>;
}

export interface RelayProcessOptions {
  dataDir?: string;
  port?: number;
  env?: Record<string, string>;
  /** Node flags after relay/launch.json's own (before the bundle). */
  nodeFlags?: string[];
}

export async function startRelayProcess(options: RelayProcessOptions = {}): Promise<RelayProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'maillage-relay-'));
  const launch = relayNodeArgs(REPO);
  const child = spawn(process.execPath, [...launch.slice(0, -1), ...(options.nodeFlags ?? []), launch.at(-1)!], {
    cwd: REPO,
    env: {
      ...process.env,
      PORT: String(options.port ?? 0),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      EVICT_AFTER_MS: '200',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => void (output += chunk.toString());
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = await waitForUrl(child);
  const port = Number(new URL(url).port);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return {
    url,
    wsUrl: `ws://127.0.0.1:${port}/sync`,
    port,
    dataDir,
    pid: child.pid!,
    output: () => output,
    alive: () => child.exitCode === null && child.signalCode === null,
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
    restart: async () => {
      await end('SIGTERM');
      return startRelayProcess({ ...options, dataDir, port });
    },
  };
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`relay did not start in 20 s:\n${err}`)), 20_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      if (process.env.RELAY_LOG) process.stderr.write(chunk);
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`relay exited with ${code} before listening:\n${err}`));
    });
  });
}

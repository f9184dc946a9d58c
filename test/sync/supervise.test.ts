// README command 1 runs the relay under scripts/supervise.sh: killed, it comes back (a new startedAt); SIGTERM/SIGINT end both.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { relayNodeArgs } from '../../relay/src/launch';
import { eventually } from '../support/yClient';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
let supervisor: ChildProcess | null = null;
afterEach(() => {
  if (supervisor?.exitCode !== null || !supervisor.pid) return;
  // A test that failed midway leaves no relay behind: its child first, then the loop.
  try {
    process.kill(relayPid(supervisor.pid), 'SIGKILL');
  } catch {
    // already gone
  }
  supervisor.kill('SIGKILL');
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/** The supervisor's child: the relay process it started last. */
const relayPid = (pid: number) =>
  Number(readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/)[0]);
const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function startedAt(port: number): Promise<string | null> {
  try {
    const health = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { startedAt: string };
    return health.startedAt;
  } catch {
    return null;
  }
}

async function supervise(): Promise<{ port: number; output: () => string; exited: Promise<number | null> }> {
  const port = await freePort();
  const child = spawn('bash', ['scripts/supervise.sh', process.execPath, ...relayNodeArgs(REPO)], {
    cwd: REPO,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'maillage-supervised-')),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  supervisor = child;
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => void (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => void (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  await eventually(async () => (await startedAt(port)) !== null, 20_000, 'the relay answers');
  return { port, output: () => output, exited };
}

describe('the relay under scripts/supervise.sh', () => {
  it('starts it again after a crash, and says when in /healthz', async () => {
    const { port, exited } = await supervise();
    const first = (await startedAt(port))!;
    expect(new Date(first).toISOString()).toBe(first);
    const crashed = relayPid(supervisor!.pid!);
    process.kill(crashed, 'SIGKILL');
    await eventually(
      async () => {
        const now = await startedAt(port);
        return now !== null && now > first;
      },
      20_000,
      'a new relay answers',
    );
    expect(relayPid(supervisor!.pid!)).not.toBe(crashed);
    supervisor!.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`passes ${signal} on to the relay, which shuts down cleanly, and stops`, async () => {
      const { output, exited } = await supervise();
      const relay = relayPid(supervisor!.pid!);
      supervisor!.kill(signal);
      expect(await exited).toBe(0);
      expect(isRunning(relay)).toBe(false);
      expect(output()).toContain(`"event":"shutdown","signal":"${signal}"`);
      expect(output()).not.toContain('redémarrage');
    });
  }
});

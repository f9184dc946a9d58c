// One workload against one server: start it, run the pinned load generator, sample the server's memory and CPU.
import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cpuSeconds, machineBusySeconds, rssMb, runQueueWaitMs, threadCpuSeconds } from './procStats';
import { pinned, startTarget, type TargetName } from './targets';
import { benchEnv } from './env';

export interface Workload {
  name: string;
  clients: number;
  rooms: number;
  hz: number;
}

export interface RunResult {
  target: TargetName;
  workload: string;
  p50: number;
  p99: number;
  deliveredPct: number;
  rssConnectedMb: number;
  rssPeakMb: number;
  cpuPct: number;
  loadgenCpuPct: number;
  /** p99 of the load generator's event-loop lag: if it nears the servers' p99, the load generator is what is measured. */
  loadgenLagP99: number;
  loadgenLagMax: number;
  /** Milliseconds the server's and the load generator's main threads waited for their core in the measured window. */
  serverWaitMs: number;
  loadgenWaitMs: number;
  /** CPU % (of one core) used by other processes on the machine during the measured window: the noise. */
  othersCpuPct: number;
  /** Ours only: group commits per second from a second before the window to its end, their mean duration and size. */
  commitsPerSecond?: number;
  commitMeanMs?: number;
  updatesPerCommit?: number;
}

interface Commits {
  count: number;
  sum: number;
  updates: number;
}

async function readCommits(httpBase: string): Promise<Commits | null> {
  try {
    const text = await (await fetch(`${httpBase}metrics`)).text();
    const value = (name: string) => Number(new RegExp(`^${name} ([\\d.e+-]+)$`, 'm').exec(text)?.[1] ?? Number.NaN);
    return {
      count: value('maillage_persist_seconds_count'),
      sum: value('maillage_persist_seconds_sum'),
      updates: value('maillage_updates_persisted_total'),
    };
  } catch {
    return null;
  }
}

const LOADGEN = fileURLToPath(new URL('./loadgen/main.ts', import.meta.url));

export function parseWorkload(name: string): Workload {
  const match = /^(\d+)x(\d+)(?:@(\d+(?:\.\d+)?)hz)?$/.exec(name);
  if (!match) throw new Error(`workload « ${name} » : attendu CLIENTSxROOMS[@Nhz], par ex. 1000x100 ou 2000x100@2hz`);
  return { name, clients: Number(match[1]), rooms: Number(match[2]), hz: match[3] ? Number(match[3]) : 1 };
}

export interface Access {
  ws: string;
  token: string;
}

export async function runOnce(
  targetName: TargetName,
  workload: Workload,
  seconds: number,
  access: Access,
): Promise<RunResult> {
  const target = await startTarget(targetName, 0);
  try {
    const config = {
      wsBase: target.wsBase,
      clients: workload.clients,
      rooms: workload.rooms,
      hz: workload.hz,
      seconds,
      warmSeconds: 2,
      drainSeconds: 3,
      roomPrefix: access.ws,
      token: access.token,
    };
    // The load generator is pinned to one core, where V8's parallel and concurrent GC threads only take turns with
    // its event loop: single-threaded GC shortens its pauses (scavenges max 3.3 ms instead of 10), for every server alike.
    const flags = ['--single-threaded-gc', ...benchEnv.loadgenNodeFlags()];
    const [cmd, args] = pinned(1, process.execPath, [...flags, '--import', 'tsx', LOADGEN, JSON.stringify(config)]);
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let rssConnected = 0;
    let rssPeak = 0;
    let cpuStart = 0;
    let cpuEnd = 0;
    const waits = { server: 0, loadgen: 0, othersCpu: 0 };
    const loadgenStdout = benchEnv.loadgenStdout();
    // Ours reports its group commits in /metrics: how many in the window, and their mean duration.
    const commits: Promise<Commits | null>[] = [];
    const isOurs = targetName === 'ours' || targetName === 'base';
    const sampleCommits = () => isOurs && commits.push(readCommits(target.httpBase));
    let threads: Map<string, number> | null = null;
    const sampleThreads = () => {
      if (!benchEnv.threads()) return;
      const now = threadCpuSeconds(target.pid);
      if (!threads) threads = now;
      else
        process.stderr.write(
          `${targetName} threads: ${[...now]
            .map(([k, v]) => [k, v - (threads!.get(k) ?? 0)] as const)
            .filter(([, v]) => v > 0)
            .sort((a, b) => b[1] - a[1])
            .map(([k, v]) => `${k} ${v.toFixed(2)} s`)
            .join(', ')}\n`,
        );
    };
    const sampleWaits = (sign: number) => {
      sampleThreads();
      waits.server += sign * runQueueWaitMs(target.pid);
      if (child.pid) waits.loadgen += sign * runQueueWaitMs(child.pid);
      // CPU the rest of the machine used meanwhile: the machine's busy time minus ours (server, load generator, this process).
      const self = process.cpuUsage();
      waits.othersCpu +=
        sign *
        (machineBusySeconds() -
          cpuSeconds(target.pid) -
          (child.pid ? cpuSeconds(child.pid) : 0) -
          (self.user + self.system) / 1e6);
    };
    let tStart = 0;
    let tEnd = 0;
    let commitsFrom = 0;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(target.pid))), 250);
    const result = await new Promise<Record<string, number>>((resolve, reject) => {
      let buffer = '';
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        let nl: number;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(nl + 1);
          if (line === 'PHASE connected') rssConnected = rssMb(target.pid);
          else if (line === 'PHASE steady') {
            commitsFrom = Date.now();
            sampleCommits();
          } else if (line === 'PHASE measure-start') {
            [cpuStart, tStart] = [cpuSeconds(target.pid), Date.now()];
            sampleWaits(-1);
          } else if (line === 'PHASE measure-end') {
            [cpuEnd, tEnd] = [cpuSeconds(target.pid), Date.now()];
            sampleWaits(1);
            sampleCommits();
            if (benchEnv.memory() && isOurs) {
              void fetch(`${target.httpBase}healthz`)
                .then((r) => r.text())
                .then((t) => process.stderr.write(`${targetName} memory: ${t}\n`));
            }
          } else if (line.startsWith('RESULT ')) resolve(JSON.parse(line.slice(7)) as Record<string, number>);
          else if (loadgenStdout) appendFileSync(loadgenStdout, `${line}\n`);
        }
      });
      child.once('exit', (code) => reject(new Error(`load generator exited with ${code}`)));
    });
    clearInterval(sampler);
    const window = (tEnd - tStart) / 1000;
    const [c0, c1] = await Promise.all(commits);
    // Commits are counted from a second before the window (same load) to its end: see PHASE steady.
    const commitWindow = (tEnd - commitsFrom) / 1000;
    const commitStats =
      c0 && c1 && c1.count > c0.count
        ? {
            commitsPerSecond: (c1.count - c0.count) / commitWindow,
            commitMeanMs: (1000 * (c1.sum - c0.sum)) / (c1.count - c0.count),
            updatesPerCommit: (c1.updates - c0.updates) / (c1.count - c0.count),
          }
        : undefined;
    return {
      target: targetName,
      workload: workload.name,
      p50: result.p50!,
      p99: result.p99!,
      deliveredPct: (100 * result.delivered!) / Math.max(1, result.expected!),
      rssConnectedMb: rssConnected,
      rssPeakMb: rssPeak,
      cpuPct: (100 * (cpuEnd - cpuStart)) / window,
      loadgenCpuPct: (100 * result.loadgenCpuSeconds!) / (result.measuredMs! / 1000),
      loadgenLagP99: result.loadgenLagP99!,
      loadgenLagMax: result.loadgenLagMax!,
      serverWaitMs: waits.server,
      loadgenWaitMs: waits.loadgen,
      othersCpuPct: (100 * waits.othersCpu) / window,
      ...commitStats,
    };
  } finally {
    await target.stop();
  }
}

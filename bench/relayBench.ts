// One workload against one server: start it, run the pinned load generator, sample the server's memory and CPU.
import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cpuSeconds, machineBusySeconds, rssMb, runQueueWaitMs } from './procStats';
import { pinned, startTarget, type TargetName } from './targets';

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

export async function runOnce(targetName: TargetName, workload: Workload, seconds: number, access: Access): Promise<RunResult> {
  const target = await startTarget(targetName, 0);
  try {
    const config = { wsBase: target.wsBase, clients: workload.clients, rooms: workload.rooms, hz: workload.hz, seconds, warmSeconds: 2, drainSeconds: 3, roomPrefix: access.ws, token: access.token };
    const flags = process.env.LOADGEN_NODE_FLAGS ? process.env.LOADGEN_NODE_FLAGS.split(' ') : [];
    const [cmd, args] = pinned(1, process.execPath, [...flags, '--import', 'tsx', LOADGEN, JSON.stringify(config)]);
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let rssConnected = 0;
    let rssPeak = 0;
    let cpuStart = 0;
    let cpuEnd = 0;
    const waits = { server: 0, loadgen: 0, othersCpu: 0 };
    const sampleWaits = (sign: number) => {
      waits.server += sign * runQueueWaitMs(target.pid);
      if (child.pid) waits.loadgen += sign * runQueueWaitMs(child.pid);
      // CPU the rest of the machine used meanwhile: the machine's busy time minus ours (server, load generator, this process).
      const self = process.cpuUsage();
      waits.othersCpu += sign * (machineBusySeconds() - cpuSeconds(target.pid) - (child.pid ? cpuSeconds(child.pid) : 0) - (self.user + self.system) / 1e6);
    };
    let tStart = 0;
    let tEnd = 0;
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
          else if (line === 'PHASE measure-start') {
            [cpuStart, tStart] = [cpuSeconds(target.pid), Date.now()];
            sampleWaits(-1);
          } else if (line === 'PHASE measure-end') {
            [cpuEnd, tEnd] = [cpuSeconds(target.pid), Date.now()];
            sampleWaits(1);
          }
          else if (line.startsWith('RESULT ')) resolve(JSON.parse(line.slice(7)) as Record<string, number>);
          // LOADGEN_STDOUT=<file>: the rest (e.g. --trace-gc from LOADGEN_NODE_FLAGS) kept for a profiling session.
          else if (process.env.LOADGEN_STDOUT) appendFileSync(process.env.LOADGEN_STDOUT, `${line}\n`);
        }
      });
      child.once('exit', (code) => reject(new Error(`load generator exited with ${code}`)));
    });
    clearInterval(sampler);
    const window = (tEnd - tStart) / 1000;
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
    };
  } finally {
    await target.stop();
  }
}

// One run of the scale-out benchmark: one relay with SQLite, or two relays sharing Redis and Postgres (decision 0040),
// under the same pinned load generator; CPU of every process that does the work, per message sent.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SharedStore } from '../test/support/sharedStore';
import { benchAccess } from './access';
import { benchEnv } from './env';
import { cpuSeconds, machineBusySeconds, runQueueWaitMs, treeCpuSeconds } from './procStats';
import type { Workload } from './relayBench';
import { pinned, startTarget, type RunningTarget } from './targets';

/** shared-base: the shared store again, from another build of the relay (BENCH_BASE_ENTRY), for an A/B of a change. */
export type Setting = 'sqlite' | 'shared' | 'shared-base';

export interface ScaleOutResult {
  setting: Setting;
  p50: number;
  p99: number;
  deliveredPct: number;
  /** Updates sent in the measured window (each expected once at its room's measurer). */
  messages: number;
  /** CPU µs per message: the relays together, redis-server, PostgreSQL (postmaster and backends). */
  relaysUs: number;
  /** Share of the window a relay's event loop (the relays' mean) was ready to run but waited for a core, in %. */
  relaysWaitPct: number;
  redisUs: number;
  postgresUs: number;
  /** Redis commands per message in the window, and the three most called (INFO commandstats). */
  redisOps: number;
  topRedisOps: string;
  /** Bytes per room: the room's Redis stream at the end of the run, its Postgres row once the relays stopped. */
  redisBytesPerRoom: number;
  postgresBytesPerRoom: number;
  /** CPU % (of one core) of the machine's other processes meanwhile: the noise. */
  othersCpuPct: number;
}

const LOADGEN = fileURLToPath(new URL('./loadgen/main.ts', import.meta.url));

/** Calls per command since Redis started, from INFO commandstats. */
export function commandCalls(info: string): Map<string, number> {
  const calls = new Map<string, number>();
  for (const match of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) calls.set(match[1]!, Number(match[2]));
  return calls;
}

/** Sum of the rooms' streams' memory (MEMORY USAGE), in one round trip. */
const STREAM_BYTES = `local total, n = 0, 0
for _, key in ipairs(redis.call('KEYS', ARGV[1])) do
  total = total + (redis.call('MEMORY', 'USAGE', key) or 0)
  n = n + 1
end
return {total, n}`;

export async function runScaleOut(
  setting: Setting,
  workload: Workload,
  seconds: number,
  store: SharedStore,
  /** Where the relays' log lines go: a file, so that the terminal keeps only the figures. */
  logFile: string,
): Promise<ScaleOutResult> {
  const shared = setting !== 'sqlite';
  // A workspace of its own per run: the shared store starts each run with none of the room's history.
  const access = await benchAccess();
  const relays: RunningTarget[] = [];
  try {
    // Both relays on core 0, as the single one, and the load generator on core 1: Redis and Postgres go where the
    // scheduler puts them.
    const env = shared ? store.env : {};
    const target = setting === 'shared-base' ? 'base' : 'ours';
    for (let i = 0; i < (shared ? 2 : 1); i++) relays.push(await startTarget(target, 0, { env, stderrFile: logFile }));
    const config = {
      wsBase: relays[0]!.wsBase,
      wsBases: relays.map((r) => r.wsBase),
      clients: workload.clients,
      rooms: workload.rooms,
      hz: workload.hz,
      seconds,
      warmSeconds: 2,
      drainSeconds: 3,
      roomPrefix: access.ws,
      token: access.token,
    };
    const flags = ['--single-threaded-gc', ...benchEnv.loadgenNodeFlags()];
    const [cmd, args] = pinned(1, process.execPath, [...flags, '--import', 'tsx', LOADGEN, JSON.stringify(config)]);
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    const { redis: redisPid, postgres: postgresPid } = store.pids();
    const sample = () => {
      const self = process.cpuUsage();
      const relaysCpu = relays.reduce((sum, r) => sum + cpuSeconds(r.pid), 0);
      const redisCpu = cpuSeconds(redisPid);
      const postgresCpu = treeCpuSeconds(postgresPid);
      const loadgenCpu = child.pid ? cpuSeconds(child.pid) : 0;
      return {
        relaysCpu,
        relaysWaitMs: relays.reduce((sum, r) => sum + runQueueWaitMs(r.pid), 0),
        redisCpu,
        postgresCpu,
        others:
          machineBusySeconds() - relaysCpu - redisCpu - postgresCpu - loadgenCpu - (self.user + self.system) / 1e6,
        calls: commandCalls(store.redis('INFO', 'commandstats')),
        at: Date.now(),
      };
    };
    let start: ReturnType<typeof sample> | null = null;
    let end: ReturnType<typeof sample> | null = null;
    let redisBytes = 0;
    const result = await new Promise<Record<string, number>>((resolve, reject) => {
      let buffer = '';
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        let nl: number;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(nl + 1);
          if (line === 'PHASE measure-start') start = sample();
          else if (line === 'PHASE measure-end') {
            end = sample();
            if (shared) {
              const [bytes] = store.redis('EVAL', STREAM_BYTES, '0', `maillage:room:${access.ws}/*`).split('\n');
              redisBytes = Number(bytes);
            }
          } else if (line.startsWith('RESULT ')) resolve(JSON.parse(line.slice(7)) as Record<string, number>);
        }
      });
      child.once('exit', (code) => reject(new Error(`load generator exited with ${code}`)));
    });
    if (!start || !end) throw new Error('the load generator never measured');
    const [s, e] = [start as ReturnType<typeof sample>, end as ReturnType<typeof sample>];
    // The relays compact every room they hold when they stop: then Postgres holds each room's state.
    const relayCount = relays.length;
    await Promise.all(relays.splice(0).map((r) => r.stop()));
    const postgresBytes = shared
      ? Number(
          store.sql(
            `SELECT coalesce(sum(pg_column_size(state)), 0) FROM maillage_rooms WHERE room LIKE '${access.ws}/%'`,
          ),
        )
      : 0;
    const messages = Math.max(1, result.expected!);
    const perMessage = (seconds: number) => (1e6 * seconds) / messages;
    const ops = [...e.calls].map(([name, n]) => [name, n - (s.calls.get(name) ?? 0)] as const).filter(([, n]) => n > 0);
    const opsTotal = ops.reduce((sum, [, n]) => sum + n, 0);
    return {
      setting,
      p50: result.p50!,
      p99: result.p99!,
      deliveredPct: (100 * result.delivered!) / messages,
      messages,
      relaysUs: perMessage(e.relaysCpu - s.relaysCpu),
      relaysWaitPct: (100 * (e.relaysWaitMs - s.relaysWaitMs)) / (e.at - s.at) / relayCount,
      redisUs: perMessage(e.redisCpu - s.redisCpu),
      postgresUs: perMessage(Math.max(0, e.postgresCpu - s.postgresCpu)),
      redisOps: opsTotal / messages,
      topRedisOps: ops
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([name, n]) => `${name} ${(n / messages).toFixed(2)}`)
        .join(', '),
      redisBytesPerRoom: redisBytes / workload.rooms,
      postgresBytesPerRoom: postgresBytes / workload.rooms,
      othersCpuPct: (100 * (e.others - s.others)) / ((e.at - s.at) / 1000),
    };
  } finally {
    await Promise.all(relays.map((r) => r.stop()));
  }
}

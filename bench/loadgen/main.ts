// Load generator process (pinned to its own core): connects N clients in R rooms, sends at a rate, prints one JSON result.
import { writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { percentile } from '../stats';
import { benchEnv } from '../env';
import { Ledger } from './ledger';
import { checkAgainstYjs } from './mapUpdate';
import { Measurer } from './measurer';
import { RawClient } from './rawClient';
import { relayOfMeasurer, relayOfSender } from './relaySplit';
import { startSchedule } from './schedule';

interface Config {
  wsBase: string;
  clients: number;
  rooms: number;
  hz: number;
  seconds: number;
  warmSeconds: number;
  drainSeconds: number;
  roomPrefix: string;
  /** Access token for the workspace of every room (ours checks it; the reference ignores the query). */
  token: string;
  /** A soak's rooms, each with its workspace's token (a well-known document is one per workspace); else roomPrefix's. */
  roomNames?: string[];
  roomTokens?: string[];
  /**
   * Several relays sharing every room (scaleOutBench.ts): each room's measurer on one of them, its senders spread over
   * all of them (relaySplit.ts), so that half of the deliveries cross relays; else every client on wsBase.
   */
  wsBases?: string[];
  /** A soak: latencies also reported per window of this many seconds of the run (soak.ts). */
  windowSeconds?: number;
  /** And over the first and the last this many windows, together (the soak's targets compare them). */
  spanWindows?: number;
}

process.setMaxListeners(0); // y-websocket adds an exit listener per provider in Node.
const config = JSON.parse(process.argv[2] ?? '{}') as Config;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const say = (line: string) => process.stdout.write(`${line}\n`);

// The senders' hand-written updates must be byte for byte what Yjs writes, or the run measures nothing.
checkAgainstYjs();
const senderCount = config.clients - config.rooms;
// Sequence numbers start at 1 with the warm-up; a few spare slots for timers that fire late.
const ledger = new Ledger(senderCount, Math.ceil(config.hz * (config.warmSeconds + config.seconds)) + 16);
const roomName = (r: number) => config.roomNames?.[r] ?? `${config.roomPrefix}/room-${String(r).padStart(5, '0')}`;
const tokenOf = (r: number) => config.roomTokens?.[r] ?? config.token;
const bases = config.wsBases ?? [config.wsBase];
const measurers = Array.from(
  { length: config.rooms },
  (_, r) => new Measurer(bases[relayOfMeasurer(r, bases.length)]!, roomName(r), tokenOf(r), ledger),
);
const senders: RawClient[] = [];
for (let i = 0; i < senderCount; i++)
  senders.push(
    new RawClient(
      i,
      `${bases[relayOfSender(i, config.rooms, bases.length)]}/${roomName(i % config.rooms)}?token=${encodeURIComponent(tokenOf(i % config.rooms))}`,
      ledger,
    ),
  );

// Connect in batches so the server sees a realistic ramp, not a SYN flood.
for (let i = 0; i < senders.length; i += 100) {
  await Promise.all(senders.slice(i, i + 100).map((c) => c.connect()));
}
await Promise.all(measurers.map((m) => m.synced(30_000)));
say('PHASE connected');

const periodMs = 1000 / config.hz;
let recording = false;
// Phases spread uniformly over the period, on one clock (schedule.ts says why not a setInterval each).
const schedule = startSchedule(senders.length, periodMs, (i) => senders[i]!.send(recording));

// Every sender is sending after one period: the runner reads the server's counters then, away from the window (a
// /metrics request in the window stalled our relay for ~10 ms, 76–138 late messages at its first instant).
await sleep(Math.min(periodMs, (config.warmSeconds * 1000) / 2));
say('PHASE steady');
await sleep(config.warmSeconds * 1000 - Math.min(periodMs, (config.warmSeconds * 1000) / 2));
recording = true;
const started = Date.now();
const measureOrigin = performance.now();
const cpuAtStart = process.cpuUsage();
// How late a 1 ms timer fires: the longest stretch this process could not read a socket, i.e. the latency it adds.
const lag = monitorEventLoopDelay({ resolution: 1 });
lag.enable();
say('PHASE measure-start');
await sleep(config.seconds * 1000);
recording = false;
schedule.stop();
say('PHASE measure-end');
const cpuAtEnd = process.cpuUsage(cpuAtStart);
const measuredMs = Date.now() - started;
lag.disable();
await sleep(config.drainSeconds * 1000);

const { expected, latencies } = ledger.tally();
// A window past the run's end holds only the sends of a late timer or two: not one of the run's windows.
const byWindow = config.windowSeconds
  ? ledger
      .byWindow(measureOrigin, config.windowSeconds * 1000)
      .slice(0, Math.round(config.seconds / config.windowSeconds))
  : [];
const summary = (ws: { expected: number; latencies: Float64Array }[]) => {
  const all = Float64Array.from(ws.flatMap((w) => [...w.latencies])).sort();
  return {
    expected: ws.reduce((n, w) => n + w.expected, 0),
    delivered: all.length,
    p50: percentile(all, 50),
    p99: percentile(all, 99),
    max: all.at(-1) ?? Number.NaN,
  };
};
const windows = config.windowSeconds ? byWindow.map((w) => summary([w])) : undefined;
const span = config.spanWindows ?? 0;
const spans = span > 0 ? { first: summary(byWindow.slice(0, span)), last: summary(byWindow.slice(-span)) } : undefined;
const dump = benchEnv.loadgenDump();
if (dump) {
  // For a profiling session: every recorded send as [sent at, latency or -1] on this process's clock.
  writeFileSync(dump, JSON.stringify({ origin: performance.timeOrigin, rows: ledger.rows() }));
}
latencies.sort();
for (const s of senders) s.close();
for (const m of measurers) m.destroy();
say(
  `RESULT ${JSON.stringify({
    expected,
    delivered: latencies.length,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? Number.NaN,
    measuredMs,
    loadgenCpuSeconds: (cpuAtEnd.user + cpuAtEnd.system) / 1e6,
    loadgenLagP99: lag.percentile(99) / 1e6,
    loadgenLagMax: lag.max / 1e6,
    windows,
    spans,
  })}`,
);
process.exit(0);

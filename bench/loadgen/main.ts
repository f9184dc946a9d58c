// Load generator process (pinned to its own core): connects N clients in R rooms, sends at a rate, prints one JSON result.
import { percentile } from '../stats';
import { Measurer } from './measurer';
import { RawClient } from './rawClient';

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
}

process.setMaxListeners(0); // y-websocket adds an exit listener per provider in Node.
const config = JSON.parse(process.argv[2] ?? '{}') as Config;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const say = (line: string) => process.stdout.write(`${line}\n`);

const roomName = (r: number) => `${config.roomPrefix}/room-${String(r).padStart(5, '0')}`;
const measurers = Array.from({ length: config.rooms }, (_, r) => new Measurer(config.wsBase, roomName(r), config.token));
const senders: RawClient[] = [];
for (let i = 0; i < config.clients - config.rooms; i++) senders.push(new RawClient(i, `${config.wsBase}/${roomName(i % config.rooms)}?token=${encodeURIComponent(config.token)}`));

// Connect in batches so the server sees a realistic ramp, not a SYN flood.
for (let i = 0; i < senders.length; i += 100) {
  await Promise.all(senders.slice(i, i + 100).map((c) => c.connect()));
}
await Promise.all(measurers.map((m) => m.synced(30_000)));
say('PHASE connected');

const periodMs = 1000 / config.hz;
let recording = false;
const timers: NodeJS.Timeout[] = [];
for (const sender of senders) {
  // Phases spread uniformly over the period.
  const phase = (sender.index * periodMs) / senders.length;
  timers.push(
    setTimeout(() => {
      sender.send(recording);
      timers.push(setInterval(() => sender.send(recording), periodMs));
    }, phase),
  );
}

await sleep(config.warmSeconds * 1000);
for (const m of measurers) m.recording = true;
recording = true;
const started = Date.now();
say('PHASE measure-start');
const loopLag: number[] = [];
const lagProbe = setInterval(() => {
  const t = performance.now();
  setImmediate(() => loopLag.push(performance.now() - t));
}, 200);
await sleep(config.seconds * 1000);
recording = false;
for (const t of timers) clearTimeout(t);
say('PHASE measure-end');
const cpuAtEnd = process.cpuUsage();
await sleep(config.drainSeconds * 1000);
clearInterval(lagProbe);

let expected = 0;
let delivered = 0;
const latencies: number[] = [];
for (const sender of senders) {
  const measurer = measurers[sender.index % config.rooms]!;
  for (const { seq } of sender.sent) {
    expected++;
    const latency = measurer.seen.get(`${sender.index}:${seq}`);
    if (latency !== undefined) {
      delivered++;
      latencies.push(latency);
    }
  }
}
latencies.sort((a, b) => a - b);
loopLag.sort((a, b) => a - b);
for (const s of senders) s.close();
for (const m of measurers) m.destroy();
say(
  `RESULT ${JSON.stringify({
    expected,
    delivered,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? Number.NaN,
    measuredMs: Date.now() - started,
    loadgenCpuSeconds: (cpuAtEnd.user + cpuAtEnd.system) / 1e6,
    loadgenLagP99: percentile(loopLag, 99),
  })}`,
);
process.exit(0);

// `pnpm bench:soak`: the relay over minutes, not seconds. Per minute: p50/p99, CPU per message, RSS and store size, the
// reference and ours in the same run (one after the other, same load). The targets of issue 16 are checked at the end.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { WELL_KNOWN_DOCS, roomName } from '@maillage/shared';
import { benchAccess } from './access';
import { cpuSeconds, rssMb } from './procStats';
import { parseWorkload, type Workload } from './relayBench';
import { pinned, startTarget, type TargetName } from './targets';
import { benchEnv } from './env';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    minutes: { type: 'string', default: '30' },
    workloads: { type: 'string', default: '1000x100,2000x200' },
    targets: { type: 'string', default: 'ref-mem,ours' },
    // well-known: each room is the catalogue of its own workspace (the overwritten fields of issue 16); things: rooms
    // with versions, which keep every value they were given.
    rooms: { type: 'string', default: 'well-known' },
  },
});
const minutes = Number(values.minutes);
const workloads = values.workloads.split(',').map(parseWorkload);
const targets = values.targets.split(',') as TargetName[];
/** The first and last windows compared: five minutes, or a fifth of a shorter run. */
const SPAN = Math.max(1, Math.min(5, Math.floor(minutes / 5)));
const LOADGEN = fileURLToPath(new URL('./loadgen/main.ts', import.meta.url));
const say = (line: string) => process.stdout.write(`${line}\n`);

interface Window {
  expected: number;
  delivered: number;
  p50: number;
  p99: number;
  max: number;
}
interface Minute extends Window {
  cpuUsPerMessage: number;
  rssMb: number;
  storeMb: number;
}
interface Soak {
  target: TargetName;
  minutes: Minute[];
  first: Window;
  last: Window;
}

/** Bytes of every file under a directory (a store, its WAL). */
function bytesUnder(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? bytesUnder(path) : statSync(path).size;
  }
  return total;
}

/** The rooms and their tokens: one workspace per room when the rooms are its catalogue. */
async function roomsOf(workload: Workload): Promise<{ roomNames: string[]; roomTokens: string[] }> {
  const roomNames: string[] = [];
  const roomTokens: string[] = [];
  const shared = await benchAccess();
  for (let r = 0; r < workload.rooms; r++) {
    const access = values.rooms === 'well-known' ? await benchAccess() : shared;
    const docId = values.rooms === 'well-known' ? WELL_KNOWN_DOCS.catalogue : `soak-room-${String(r).padStart(5, '0')}`;
    roomNames.push(roomName({ workspaceId: access.ws, docId }));
    roomTokens.push(access.token);
  }
  return { roomNames, roomTokens };
}

async function soak(
  targetName: TargetName,
  workload: Workload,
  rooms: { roomNames: string[]; roomTokens: string[] },
): Promise<Soak> {
  const target = await startTarget(targetName, 0);
  try {
    const config = {
      wsBase: target.wsBase,
      clients: workload.clients,
      rooms: workload.rooms,
      hz: workload.hz,
      seconds: minutes * 60,
      warmSeconds: 2,
      drainSeconds: 3,
      roomPrefix: '',
      token: '',
      ...rooms,
      windowSeconds: 60,
      spanWindows: SPAN,
    };
    const [cmd, args] = pinned(1, process.execPath, [
      '--single-threaded-gc',
      ...benchEnv.loadgenNodeFlags(),
      '--import',
      'tsx',
      LOADGEN,
      JSON.stringify(config),
    ]);
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    const samples: { cpu: number; rss: number; store: number }[] = [];
    const sample = () =>
      samples.push({
        cpu: cpuSeconds(target.pid),
        rss: rssMb(target.pid),
        store: targetName === 'ours' || targetName === 'ref-leveldb' ? bytesUnder(target.dataDir) : 0,
      });
    let ticker: NodeJS.Timeout | null = null;
    const result = await new Promise<{ windows: Window[]; spans: { first: Window; last: Window } }>(
      (resolve, reject) => {
        let buffer = '';
        child.stdout.on('data', (chunk: Buffer) => {
          buffer += chunk.toString();
          let nl: number;
          while ((nl = buffer.indexOf('\n')) >= 0) {
            const line = buffer.slice(0, nl);
            buffer = buffer.slice(nl + 1);
            if (line === 'PHASE measure-start') {
              sample();
              ticker = setInterval(() => {
                sample();
                const m = samples.length - 1;
                process.stderr.write(
                  `${workload.name} ${targetName} minute ${m}: RSS ${samples[m]!.rss.toFixed(0)} MB, ` +
                    `CPU ${(samples[m]!.cpu - samples[m - 1]!.cpu).toFixed(1)} s\n`,
                );
              }, 60_000);
            } else if (line === 'PHASE measure-end' && ticker) {
              clearInterval(ticker);
              // The last minute's end, unless its tick came first.
              if (samples.length <= minutes) sample();
            } else if (line.startsWith('RESULT ')) resolve(JSON.parse(line.slice(7)));
          }
        });
        child.once('exit', (code) => reject(new Error(`load generator exited with ${code}`)));
      },
    );
    const windows = result.windows;
    return {
      target: targetName,
      minutes: windows.map((w, m) => {
        const [a, b] = [samples[m], samples[m + 1] ?? samples.at(-1)];
        return {
          ...w,
          cpuUsPerMessage: a && b ? (1e6 * (b.cpu - a.cpu)) / Math.max(1, w.expected) : Number.NaN,
          rssMb: b?.rss ?? Number.NaN,
          storeMb: (b?.store ?? 0) / 1024 / 1024,
        };
      }),
      first: result.spans.first,
      last: result.spans.last,
    };
  } finally {
    await target.stop();
  }
}

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
const f0 = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '–');
/** Change from minute `SPAN` to the last, in %. */
const drift = (series: number[]) =>
  (100 * (series.at(-1)! - series[Math.min(SPAN, series.length) - 1]!)) / series[Math.min(SPAN, series.length) - 1]!;

execFileSync(process.execPath, ['scripts/build-relay.mjs'], { cwd: new URL('..', import.meta.url), stdio: 'inherit' });
for (const workload of workloads) {
  const rooms = await roomsOf(workload);
  const runs: Soak[] = [];
  for (const target of targets) {
    execFileSync('sync');
    runs.push(await soak(target, workload, rooms));
  }
  say(`\n${workload.name} @ ${workload.hz} Hz, ${minutes} min, ${values.rooms} rooms`);
  say(
    `| minute | ${runs.map((r) => `${r.target} p50 / p99 / max ms`).join(' | ')} | ${runs.map((r) => `${r.target} CPU µs/msg`).join(' | ')} | ${runs.map((r) => `${r.target} RSS MB`).join(' | ')} | ${runs.map((r) => `${r.target} store MB`).join(' | ')} |`,
  );
  say(`| --- |${' --- |'.repeat(runs.length * 4)}`);
  for (let m = 0; m < minutes; m++) {
    const at = (r: Soak) => r.minutes[m];
    say(
      `| ${m + 1} | ${runs.map((r) => `${f1(at(r)?.p50 ?? NaN)} / ${f1(at(r)?.p99 ?? NaN)} / ${f0(at(r)?.max ?? NaN)}`).join(' | ')} | ${runs.map((r) => f1(at(r)?.cpuUsPerMessage ?? NaN)).join(' | ')} | ${runs.map((r) => f0(at(r)?.rssMb ?? NaN)).join(' | ')} | ${runs.map((r) => f1(at(r)?.storeMb ?? NaN)).join(' | ')} |`,
    );
  }
  for (const r of runs) {
    const delivered = r.minutes.reduce((n, m) => n + m.delivered, 0);
    const expected = r.minutes.reduce((n, m) => n + m.expected, 0);
    say(
      [
        `${r.target}: p99 first ${SPAN} min ${f1(r.first.p99)} ms, last ${SPAN} min ${f1(r.last.p99)} ms`,
        `(×${(r.last.p99 / r.first.p99).toFixed(2)});`,
        `CPU/msg ${drift(r.minutes.map((m) => m.cpuUsPerMessage)).toFixed(0)} %,`,
        `RSS ${drift(r.minutes.map((m) => m.rssMb)).toFixed(0)} % from minute ${SPAN} to ${minutes};`,
        `delivered ${((100 * delivered) / Math.max(1, expected)).toFixed(2)} %`,
      ].join(' '),
    );
  }
  const ours = runs.find((r) => r.target === 'ours');
  const ref = runs.find((r) => r.target === 'ref-mem');
  if (ours && ref)
    say(
      `ours' p99 over the last ${SPAN} min against the reference's: ${f1(ours.last.p99)} vs ${f1(ref.last.p99)} ms ` +
        `(target: ≤ ×1.5 its first ${SPAN} min, ≤ the reference's; CPU/msg and RSS within 20 %)`,
    );
}
process.exit(0);

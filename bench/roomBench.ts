// Rooms at rest: time for a fresh client to sync a room whose history holds 10,000 updates (warm, and cold after a
// restart), and the memory an idle connection and a loaded room cost. Ours against the reference, same run, medians.
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { benchAccess } from './access';
import { EMPTY_STEP1, EMPTY_STEP2, updateFrame } from './loadgen/frames';
import { rssMb } from './procStats';
import { median } from './stats';
import { startTarget, TARGETS, type TargetName } from './targets';
import { waitForQuiet } from './quiet';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    runs: { type: 'string', default: '5' },
    history: { type: 'string', default: '10000' },
    idle: { type: 'string', default: '1000' },
    targets: { type: 'string', default: TARGETS.join(',') },
  },
});
const runs = Number(values.runs);
const historySize = Number(values.history);
const idleCount = Number(values.idle);
const targets = values.targets.split(',') as TargetName[];
const access = await benchAccess();
// The seeding writer sends 10,000 updates in a few seconds: far past ours' per-connection rate limit, lifted here only.
const SEED_ENV = { RATE_PER_SECOND: '1000000', RATE_BURST: '1000000' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const urlOf = (wsBase: string, room: string) =>
  `${wsBase}/${access.ws}/${room}?token=${encodeURIComponent(access.token)}`;

function rawSocket(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    ws.on('open', () => {
      ws.send(EMPTY_STEP1);
      resolve(ws);
    });
    ws.on('message', (data: Buffer) => data[0] === 0 && data[1] === 0 && ws.send(EMPTY_STEP2));
    ws.on('error', reject);
  });
}

/** One update per message, each pushing one item: a history of `count` updates. */
async function seedHistory(url: string, count: number): Promise<void> {
  const ws = await rawSocket(url);
  const doc = new Y.Doc();
  let last: Uint8Array | null = null;
  doc.on('update', (u: Uint8Array) => (last = u));
  for (let i = 0; i < count; i++) {
    doc.getArray<string>('a').push([`étape ${i}`]);
    // Every 500 updates, wait until the socket has written them: the writer never buffers the whole history.
    if (i % 500 === 499) await new Promise<void>((r) => ws.send(updateFrame(last!), () => r()));
    else ws.send(updateFrame(last!));
  }
  await sleep(1000);
  ws.close();
}

/** Milliseconds from `new WebsocketProvider` to a synced document holding the whole history. */
async function timeToSync(url: string, expected: number): Promise<number> {
  const [base, query] = url.split('?');
  const room = base!.slice(base!.lastIndexOf('/', base!.lastIndexOf('/') - 1) + 1);
  const server = base!.slice(0, base!.length - room.length - 1);
  const doc = new Y.Doc();
  const started = performance.now();
  const provider = new WebsocketProvider(server, room, doc, {
    WebSocketPolyfill: WebSocket as never,
    params: Object.fromEntries(new URLSearchParams(query)),
    disableBc: true,
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`not synced in 10 s (${doc.getArray('a').length}/${expected})`)),
      10_000,
    );
    const check = () => {
      if (provider.synced && doc.getArray('a').length === expected) {
        clearTimeout(timer);
        resolve();
      }
    };
    provider.on('sync', check);
    doc.on('update', check);
  });
  const elapsed = performance.now() - started;
  provider.destroy();
  return elapsed;
}

interface HistoryResult {
  target: TargetName;
  warm: number;
  cold: number | null;
}

async function historyRun(target: TargetName): Promise<HistoryResult> {
  const seeded = await startTarget(target, 0, { env: SEED_ENV });
  const room = 'history-10k';
  try {
    await seedHistory(urlOf(seeded.wsBase, room), historySize);
    // A witness keeps the room in memory (the reference in memory forgets a room nobody holds).
    const witness = await rawSocket(urlOf(seeded.wsBase, room));
    const warm = await timeToSync(urlOf(seeded.wsBase, room), historySize);
    witness.close();
    if (target === 'ref-mem') return { target, warm, cold: null };
    await sleep(target === 'ours' ? 6000 : 1000); // let ours evict (and compact) the idle room, and the reference write it down
    await seeded.stop({ keepData: true });
    const restarted = await startTarget(target, 0, { dataDir: seeded.dataDir });
    try {
      return { target, warm, cold: await timeToSync(urlOf(restarted.wsBase, room), historySize) };
    } finally {
      await restarted.stop();
      rmSync(seeded.dataDir, { recursive: true, force: true });
    }
  } finally {
    await seeded.stop();
  }
}

/** KB of RSS per socket: as read, and after a full GC in the server (what it holds, not when its GC last ran). */
interface Slope {
  asIs: number;
  afterGc: number;
}
/** perRoom: a connection alone in its own loaded room (the room's cost plus the connection's). */
interface IdleResult {
  target: TargetName;
  perConnection: Slope;
  perRoom: Slope;
}

/**
 * Marginal memory: RSS after `idleCount` sockets, then after 3 × `idleCount`, divided by the difference. The first
 * thousand also pays one-off costs (V8 growing its young generation), which the slope leaves out.
 * Sockets go to 10 rooms (cost of a connection), then each to its own room loaded with one small update (room + connection).
 */
async function idleRun(target: TargetName): Promise<IdleResult> {
  const measure = async (ownRoom: boolean): Promise<Slope> => {
    const server = await startTarget(target, 0, { gcOnSignal: true });
    const sockets: WebSocket[] = [];
    const open = async (count: number) => {
      for (let n = 0; n < count; n++) {
        const i = sockets.length;
        const ws = await rawSocket(urlOf(server.wsBase, `idle-room-${String(ownRoom ? i : i % 10).padStart(6, '0')}`));
        if (ownRoom) {
          const doc = new Y.Doc();
          doc.getMap('m').set('titre', `Dossier ${i}`);
          ws.send(updateFrame(Y.encodeStateAsUpdate(doc)));
        }
        sockets.push(ws);
      }
      await sleep(2000);
      const asIs = rssMb(server.pid);
      process.kill(server.pid, 'SIGUSR2');
      await sleep(1000);
      return { asIs, afterGc: rssMb(server.pid) };
    };
    try {
      const first = await open(idleCount);
      const second = await open(2 * idleCount);
      const slope = (a: number, b: number) => ((b - a) * 1024) / (2 * idleCount);
      return { asIs: slope(first.asIs, second.asIs), afterGc: slope(first.afterGc, second.afterGc) };
    } finally {
      for (const ws of sockets) ws.terminate();
      await server.stop();
    }
  };
  return { target, perConnection: await measure(false), perRoom: await measure(true) };
}

const history: HistoryResult[] = [];
const failures = new Map<TargetName, number>();
const idle: IdleResult[] = [];
for (let run = 1; run <= runs; run++) {
  for (const target of targets) {
    // A server that never delivers the whole history (the reference with LevelDB can answer before it has loaded)
    // fails that run, counted in the table, instead of ending the bench.
    await waitForQuiet(10, 45_000);
    const h = await historyRun(target).catch((err: unknown) => {
      failures.set(target, (failures.get(target) ?? 0) + 1);
      process.stderr.write(
        `run ${run}/${runs} ${target}: history failed: ${err instanceof Error ? err.message : String(err)}\n`,
      );
      return null;
    });
    if (h) history.push(h);
    const i = await idleRun(target);
    idle.push(i);
    process.stderr.write(
      `run ${run}/${runs} ${target}: history warm ${h?.warm.toFixed(1) ?? 'failed'} ms, cold ${h?.cold?.toFixed(1) ?? 'n/a'} ms; idle ${i.perConnection.asIs.toFixed(1)} KB/conn (${i.perConnection.afterGc.toFixed(1)} after GC), ${i.perRoom.asIs.toFixed(1)} KB/conn in own room (${i.perRoom.afterGc.toFixed(1)} after GC)\n`,
    );
  }
}

const fmt = (n: number | null) => (n === null || !Number.isFinite(n) ? 'n/a' : n.toFixed(1));
const lines = [
  `| server | runs | first sync, ${historySize} updates in memory, ms | first sync after restart, ms | history runs failed ` +
    '| KB per idle connection (10 rooms) | same, after a full GC | KB per connection alone in its loaded room | same, after a full GC |',
  '|---|---|---|---|---|---|---|---|---|',
];
for (const target of targets) {
  const h = history.filter((r) => r.target === target);
  const i = idle.filter((r) => r.target === target);
  const colds = h.map((r) => r.cold).filter((c): c is number => c !== null);
  lines.push(
    `| ${target} | ${h.length} | ${fmt(median(h.map((r) => r.warm)))} | ${colds.length ? fmt(median(colds)) : 'n/a'} | ${failures.get(target) ?? 0} | ${fmt(median(i.map((r) => r.perConnection.asIs)))} | ${fmt(median(i.map((r) => r.perConnection.afterGc)))} | ${fmt(median(i.map((r) => r.perRoom.asIs)))} | ${fmt(median(i.map((r) => r.perRoom.afterGc)))} |`,
  );
}
process.stdout.write(`\n${lines.join('\n')}\n`);
process.exit(0);

// `pnpm bench:store`: what one group commit of the relay's store costs as its history grows: µs per commit, WAL frames
// and pages read back per commit, for a relay's turns of ~3.5 updates spread over its rooms. The relay bench's runs start
// from an empty store; a CPTS's relay holds months of rooms. Figures: docs/decisions/0023.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { newDocId, roomName } from '@maillage/shared';
import { openRoomStore, type RoomStore } from '../relay/src/persistence';
import { benchAccess } from './access';
import { median } from './stats';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    rooms: { type: 'string', default: '400' },
    histories: { type: 'string', default: '0,100000,400000' },
    commits: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '3' },
  },
});
const roomCount = Number(values.rooms);
const histories = values.histories.split(',').map(Number);
const commits = Number(values.commits);
const runs = Number(values.runs);

/** A Yjs update of the bench's size (a map entry overwritten: ~40 bytes). */
const update = new Uint8Array(40).fill(7);

/** A turn of the relay at 4,000 / 400: three or four updates, each for a room drawn at random. */
const turn = (rooms: string[]) =>
  Array.from({ length: Math.random() < 0.5 ? 3 : 4 }, () => ({
    room: rooms[Math.floor(Math.random() * rooms.length)]!,
    update,
  }));

/** Bytes this process has read from files (pages read back from the database or the WAL), from /proc. */
const bytesRead = () => Number(/^rchar: (\d+)$/m.exec(readFileSync('/proc/self/io', 'utf8'))?.[1] ?? 0);

interface Measured {
  usPerCommit: number;
  framesPerCommit: number;
  readKbPerCommit: number;
  /** The database file's bytes per update it holds, once the WAL is copied in. */
  bytesPerUpdate: number;
}

function measure(store: RoomStore, rooms: string[]): Measured {
  // Every frame so far copied into the database, so that the WAL holds only the measured commits' frames.
  store.checkpoint();
  const readBefore = bytesRead();
  const started = process.hrtime.bigint();
  for (let i = 0; i < commits; i++) store.appendBatch(turn(rooms));
  const elapsedUs = Number(process.hrtime.bigint() - started) / 1000;
  const readKb = (bytesRead() - readBefore) / 1024;
  const [checkpoint] = store.db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
  const frames = checkpoint?.log ?? Number.NaN;
  const pages = store.db.pragma('page_count', { simple: true }) as number;
  const pageSize = store.db.pragma('page_size', { simple: true }) as number;
  const { n } = store.db.prepare('SELECT COUNT(*) AS n FROM room_updates').get() as { n: number };
  return {
    usPerCommit: elapsedUs / commits,
    framesPerCommit: frames / commits,
    readKbPerCommit: readKb / commits,
    bytesPerUpdate: (pages * pageSize) / n,
  };
}

async function run(history: number, rooms: string[]): Promise<Measured> {
  const dir = mkdtempSync(join(tmpdir(), 'maillage-store-bench-'));
  // As the relay opens it: checkpoints are the worker's, never this connection's own.
  const store = openRoomStore(dir, { checkpointInBackground: true });
  try {
    for (let written = 0; written < history; written += 1000) {
      store.db.transaction(() => {
        for (let i = 0; i < 1000 / 4; i++) store.appendBatch(turn(rooms));
      })();
      if (written % 50_000 === 0) store.checkpoint();
    }
    return measure(store, rooms);
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const { ws } = await benchAccess();
const rooms = Array.from({ length: roomCount }, () => roomName({ workspaceId: ws, docId: newDocId() }));
console.log(`${roomCount} rooms, ${commits} commits of 3–4 updates a run, ${runs} runs a history; medians:\n`);
console.log(
  '| updates already stored | µs per commit (runs) | WAL frames per commit | KB read back per commit | file bytes per update |',
);
console.log('| --- | --- | --- | --- | --- |');
for (const history of histories) {
  const results: Measured[] = [];
  for (let r = 0; r < runs; r++) results.push(await run(history, rooms));
  const med = (key: keyof Measured) => median(results.map((m) => m[key]));
  const each = results.map((m) => m.usPerCommit.toFixed(0)).join(', ');
  console.log(
    `| ${history.toLocaleString('en')} | ${med('usPerCommit').toFixed(1)} (${each}) | ${med('framesPerCommit').toFixed(2)} | ${med('readKbPerCommit').toFixed(2)} | ${med('bytesPerUpdate').toFixed(0)} |`,
  );
}

// `pnpm bench:year`: a simulated year of a 300-member CPTS written through the relay's own write path (validation,
// group commit, compaction), then the catalogue and annuaire rooms' size on disk and a new device's first sync of each
// from a local relay started on that store. --scale 0.02 for a quick check.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import WebSocket from 'ws';
import type { WebSocket as RelaySocket } from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import {
  EPOCH_PARAM,
  MESSAGE_EPOCH,
  PROFESSIONS,
  WELL_KNOWN_DOCS,
  applyChanges,
  changesSince,
  decodeClosing,
  newDocId,
  roomName,
  setDirectoryEntry,
  upsertCatalogueEntry,
} from '@maillage/shared';
import { openRoomStore } from '../relay/src/persistence';
import { Rooms } from '../relay/src/rooms';
import { Metrics } from '../relay/src/metrics';
import { benchAccess } from './access';
import { median } from './stats';
import { startTarget } from './targets';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    scale: { type: 'string', default: '1' },
    members: { type: 'string', default: '300' },
    documents: { type: 'string', default: '1000' },
    'bursts-per-day': { type: 'string', default: '200' },
    // A member opens the app (a new Yjs client id) and edits a few documents in a row.
    'bursts-per-session': { type: 'string', default: '5' },
    // A member's profile: moves, new phone, skills, a GP taking patients or not: about twice a month.
    'profile-edits-per-member': { type: 'string', default: '24' },
    runs: { type: 'string', default: '5' },
    // A well-known room is rewritten into a new epoch past this many times its rewrite (relay default if absent).
    'epoch-growth': { type: 'string' },
  },
});
const scale = Number(values.scale);
const members = Number(values.members);
const documents = Math.max(1, Math.round(Number(values.documents) * scale));
const days = Math.max(1, Math.round(365 * scale));
const burstsPerDay = Number(values['bursts-per-day']);
const profileEdits = Math.round(members * Number(values['profile-edits-per-member']) * scale);
const burstsPerSession = Number(values['bursts-per-session']);
/** Updates a burst sends to the catalogue: the entry's date stamped when the edit starts and when it is saved. */
const UPDATES_PER_BURST = 2;
const COMPACT_AFTER_UPDATES = 500;

const access = await benchAccess();
const dataDir = mkdtempSync(join(tmpdir(), 'bench-year-'));
const store = openRoomStore(dataDir);
const compactions = { bytes: 0, count: 0 };
/** Each room's largest compacted state: the most a new device could have had to download during the year. */
const largest = new Map<string, Uint8Array>();
const replace = store.replace;
store.replace = (room, merged) => {
  compactions.bytes += merged.byteLength;
  compactions.count++;
  if (merged.byteLength > (largest.get(room)?.byteLength ?? 0)) largest.set(room, merged);
  replace(room, merged);
};
const rewrites: { room: string; bytesBefore: number; bytesAfter: number; closingBytes: number; ms: number }[] = [];
const rooms = new Rooms(store, {
  evictAfterMs: 3_600_000,
  compactAfterUpdates: COMPACT_AFTER_UPDATES,
  maxBufferedBytes: 1 << 24,
  ...(values['epoch-growth'] ? { epochGrowth: Number(values['epoch-growth']) } : {}),
  log: (event, fields) => {
    if (event === 'epoch_started') rewrites.push(fields as (typeof rewrites)[number]);
  },
  metrics: new Metrics(),
});
/** No one listens: the rooms are written to as by one device at a time, and forward to no one. */
const nobody = { readyState: 3, OPEN: 1, close: () => {} } as unknown as RelaySocket;

/**
 * A room fed by a device doc; every update goes through the relay's write path, a commit every few updates. When the
 * relay rewrites the room into a new epoch (docs/decisions/0027), the device migrates before its next edit, as ours does.
 */
function relayed(docId: string) {
  const name = roomName({ workspaceId: access.ws, docId });
  const room = rooms.acquire(name, nobody)!;
  let appended = 0;
  let pending = 0;
  let epoch = room.epoch;
  const send = (update: Uint8Array) => {
    appended += update.byteLength;
    rooms.receive(room, update, nobody);
    if (++pending % 20 === 0) rooms.flush();
  };
  // Every device holds the well-known documents with gc on, by the same rule as the relay.
  let doc = new Y.Doc({ gc: true });
  doc.on('update', send);
  return {
    name,
    get doc() {
      return doc;
    },
    appended: () => appended,
    /** A new session: Yjs gives each opening of a document a new client id, which is what a year of visits looks like. */
    session: () => (doc.clientID = Math.floor(Math.random() * 0xffffffff)),
    /** Carries the device's copy into the room's epoch if the relay started a new one. */
    follow: () => {
      if (room.epoch === epoch) return;
      const fresh = new Y.Doc({ gc: true });
      Y.applyUpdate(
        fresh,
        rooms.read(room, (r) => r.missingFrom(new Uint8Array([0]))),
      );
      fresh.on('update', send);
      applyChanges(fresh, changesSince(doc, decodeClosing(rooms.epochs.closingOf(name, epoch))), room.rewriter);
      doc.off('update', send);
      doc.destroy();
      doc = fresh;
      epoch = room.epoch;
    },
  };
}

const started = performance.now();
const catalogue = relayed(WELL_KNOWN_DOCS.catalogue);
const annuaire = relayed(WELL_KNOWN_DOCS.directory);
const yearStart = Date.parse('2026-01-01T08:00:00Z');
const at = (fraction: number) => new Date(yearStart + fraction * days * 86_400_000).toISOString();
const docIds = Array.from({ length: documents }, () => newDocId());
const memberIds = Array.from({ length: members }, () => newDocId());
const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)]!;

for (const [i, memberId] of memberIds.entries()) {
  annuaire.follow();
  annuaire.session();
  setDirectoryEntry(
    annuaire.doc,
    memberId,
    { name: `Membre ${i}`, profession: pick(PROFESSIONS), commune: 'Lyon' },
    new Date(yearStart),
  );
}
/** The edits of the current session, made in one transaction when it ends. */
const session: (() => void)[] = [];
// Documents are created over the year, edits go to those that exist.
const totalBursts = burstsPerDay * days;
let created = 0;
for (let b = 0; b < totalBursts; b++) {
  const now = at(b / totalBursts);
  // Each session is a new client id in the document for good, and every Yjs transaction walks the state vector of all
  // of them (twice): a transaction per edit made this simulation quadratic (a year: > 20 min). A session's edits are
  // sent as one update instead; the structs, hence the stored state, are the same.
  if (b % burstsPerSession === 0) {
    catalogue.follow();
    catalogue.doc.transact(() => session.splice(0).forEach((edit) => edit()));
    catalogue.session();
  }
  while (created < documents && created <= (b / totalBursts) * documents) {
    const docId = docIds[created++]!;
    const title = `Protocole ${created}`;
    session.push(() =>
      upsertCatalogueEntry(catalogue.doc, docId, {
        kind: 'protocol',
        title,
        status: 'draft',
        groupId: null,
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
        theme: 'plaies',
        professions: ['infirmier'],
        reviewDate: null,
      }),
    );
  }
  const docId = docIds[Math.floor(Math.random() * created)]!;
  for (let u = 0; u < UPDATES_PER_BURST; u++) {
    const fields: { updatedAt: string; status?: string; title?: string } = {
      updatedAt: new Date(Date.parse(now) + u * 30_000).toISOString(),
    };
    if (u === 0 && Math.random() < 0.1) fields.status = pick(['draft', 'review', 'published']);
    if (u === 0 && Math.random() < 0.05) fields.title = `Protocole révisé ${b}`;
    session.push(() => upsertCatalogueEntry(catalogue.doc, docId, fields));
  }
}
catalogue.follow();
catalogue.doc.transact(() => session.splice(0).forEach((edit) => edit()));
for (let e = 0; e < profileEdits; e++) {
  annuaire.follow();
  annuaire.session();
  const i = Math.floor(Math.random() * members);
  setDirectoryEntry(
    annuaire.doc,
    memberIds[i]!,
    {
      name: `Membre ${i}`,
      profession: 'medecin_generaliste',
      commune: 'Lyon',
      phone: `04 78 ${String(e % 100).padStart(2, '0')} 00 00`,
      acceptsNewPatients: e % 2 === 0,
    },
    new Date(at(e / profileEdits)),
  );
}
rooms.flush();
rooms.shutdown();
const sizeOf = (room: string) => store.load(room).reduce((n, row) => n + row.byteLength, 0);
const written = { catalogue: sizeOf(catalogue.name), annuaire: sizeOf(annuaire.name) };
const epochs = {
  catalogue: rooms.epochs.current(catalogue.name).epoch,
  annuaire: rooms.epochs.current(annuaire.name).epoch,
};
store.close();
const simulatedMs = performance.now() - started;

// A new device's first sync, from a relay started on this store: connect to synced, the whole room applied.
execFileSync(process.execPath, ['scripts/build-relay.mjs'], { cwd: new URL('..', import.meta.url), stdio: 'inherit' });
const relay = await startTarget('ours', 0, { dataDir });
async function firstSyncMs(docId: string): Promise<number> {
  const doc = new Y.Doc({ gc: true });
  const began = performance.now();
  // As ours: a device with no copy yet names epoch 0, and is served the room's current one (told in a notice).
  const provider = new WebsocketProvider(relay.wsBase, `${access.ws}/${docId}`, doc, {
    WebSocketPolyfill: WebSocket as never,
    params: { token: access.token, [EPOCH_PARAM]: '0' },
    disableBc: true,
  });
  provider.messageHandlers[MESSAGE_EPOCH] = (_encoder, decoder) => void (decoder.pos = decoder.arr.length);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${docId}: not synced in 10 s`)), 10_000);
    provider.once('sync', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  const elapsed = performance.now() - began;
  provider.destroy();
  doc.destroy();
  return elapsed;
}
const syncs = { catalogue: [] as number[], annuaire: [] as number[] };
for (let run = 0; run < Number(values.runs); run++) {
  syncs.catalogue.push(await firstSyncMs(WELL_KNOWN_DOCS.catalogue));
  syncs.annuaire.push(await firstSyncMs(WELL_KNOWN_DOCS.directory));
}
await relay.stop();
rmSync(dataDir, { recursive: true, force: true });

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const out = (line: string) => process.stdout.write(`${line}\n`);
out(
  `Simulated ${days} days (scale ${scale}) of a ${members}-member CPTS in ${(simulatedMs / 1000).toFixed(1)} s: ` +
    `${documents} documents, ${totalBursts} catalogue edit bursts (${UPDATES_PER_BURST} edits each, ` +
    `${burstsPerSession} to a session, sent as one update), ${profileEdits} annuaire profile edits`,
);
out('| room | written by clients | stored on the relay | first sync, median of ' + values.runs + ' (min–max) |');
out('| --- | --- | --- | --- |');
for (const key of ['catalogue', 'annuaire'] as const) {
  const room = key === 'catalogue' ? catalogue : annuaire;
  const times = syncs[key];
  out(
    `| ${key} | ${mb(room.appended())} | ${mb(written[key])} | ` +
      `${median(times).toFixed(0)} ms (${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)}) |`,
  );
}
out(
  `Compaction: ${compactions.count} compactions wrote ${mb(compactions.bytes)} in all (targets: each room < 2 MB, first sync of the catalogue ≤ 300 ms).`,
);
/** Applying a state into a new doc, in this process: a new device's own work, without the network. */
function applyMs(state: Uint8Array): number {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const began = performance.now();
    Y.applyUpdate(new Y.Doc({ gc: true }), state);
    times.push(performance.now() - began);
  }
  return median(times);
}
for (const key of ['catalogue', 'annuaire'] as const) {
  const room = key === 'catalogue' ? catalogue : annuaire;
  const own = rewrites.filter((r) => r.room === room.name);
  const worst = largest.get(room.name);
  out(
    `${key}: ${epochs[key]} epochs (rewrites: ${own.map((r) => `${mb(r.bytesBefore)} → ${mb(r.bytesAfter)} in ${r.ms} ms, closing ${mb(r.closingBytes)}`).join('; ') || 'none'}); ` +
      `largest state stored ${worst ? mb(worst.byteLength) : '–'}, applied by a new doc in ${worst ? applyMs(worst).toFixed(0) : '–'} ms`,
  );
}
process.exit(0);

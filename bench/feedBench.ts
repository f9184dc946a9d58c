// `pnpm bench:feed`: every document on the device (issue 19). A workspace of N documents (average 20 KB, the largest
// 600 KB) in the relay's store; then the change feed's check (time, bytes, relay CPU) and a new device's first fetch
// and catch-up, with the client's own BackgroundSync over fake-indexeddb in Node (a browser's IndexedDB is slower).
import 'fake-indexeddb/auto';
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { changesResponseSchema, changesUrl, newDocId, roomName, syncProtocols } from '@maillage/shared';
import { openRoomStore } from '../relay/src/persistence';
import { MaillageDb } from '../client/src/store/db';
import { DocStore } from '../client/src/store/docStore';
import { BackgroundSync } from '../client/src/sync/background/backgroundSync';
import { FetchQueue } from '../client/src/sync/background/fetchQueue';
import { benchAccess } from './access';
import { documentOf } from './seed';
import { cpuSeconds } from './procStats';
import { median } from './stats';
import { startTarget } from './targets';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: { docs: { type: 'string', default: '1000,5000' }, changed: { type: 'string', default: '10' } },
});
const out = (line: string) => process.stdout.write(`${line}\n`);

interface Row {
  docs: number;
  storeMb: number;
  listMs: number;
  listKb: number;
  checkMs: number;
  checkKb: number;
  relayCpuUsPerCheck: number;
  firstFetchS: number;
  catchUpMs: number;
}

async function run(count: number, changedCount: number): Promise<Row> {
  const access = await benchAccess();
  const target = await startTarget('ours', 0);
  await target.stop({ keepData: true });
  const store = openRoomStore(target.dataDir);
  const docIds = Array.from({ length: count }, () => newDocId());
  let storedBytes = 0;
  for (let i = 0; i < count; i += 100) {
    const batch = docIds.slice(i, i + 100).map((docId, j) => {
      // Sizes 5–35 KB (average 20), one of 600 KB.
      const update = documentOf(i + j === 0 ? 600_000 : 5_000 + Math.floor(Math.random() * 30_000));
      storedBytes += update.byteLength;
      return { room: roomName({ workspaceId: access.ws, docId }), update };
    });
    store.appendBatch(batch);
  }
  store.close();
  const relay = await startTarget('ours', 0, { dataDir: target.dataDir });
  const http = relay.httpBase.replace(/\/$/, '');
  const get = async (since: number) => {
    const response = await fetch(changesUrl(http, access.ws, since), {
      headers: { authorization: `Bearer ${access.token}` },
    });
    const text = await response.text();
    return { bytes: text.length, answer: changesResponseSchema.parse(JSON.parse(text)) };
  };
  try {
    // The whole list, page after page: what a new device reads first.
    let started = performance.now();
    let cursor = 0;
    let listBytes = 0;
    for (let more = true; more;) {
      const { bytes, answer } = await get(cursor);
      listBytes += bytes;
      ({ cursor, more } = answer);
    }
    const listMs = performance.now() - started;

    // A new device fetches everything.
    const db = new MaillageDb(`bench-${newDocId()}`);
    const device = new BackgroundSync({
      workspaceId: access.ws,
      token: access.token,
      httpBase: http,
      wsBase: relay.wsBase,
      store: new DocStore(db),
      queue: new FetchQueue(access.ws, db),
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    });
    started = performance.now();
    await device.checkNow();
    const firstFetchS = (performance.now() - started) / 1000;
    if (device.current.onDevice !== count) throw new Error(`fetched ${device.current.onDevice} of ${count}`);

    // Colleagues change a few documents; the device's next check brings exactly those.
    const changed = docIds.slice(1, 1 + changedCount);
    for (const docId of changed) {
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(relay.wsBase, roomName({ workspaceId: access.ws, docId }), doc, {
        WebSocketPolyfill: WebSocket as never,
        protocols: syncProtocols(access.token),
        disableBc: true,
      });
      await new Promise<void>((done) => provider.once('sync', () => done()));
      doc.getText('t').insert(0, 'Modifié. ');
      await new Promise((done) => setTimeout(done, 20));
      provider.destroy();
    }
    started = performance.now();
    await device.checkNow();
    const catchUpMs = performance.now() - started;
    device.stop();

    // The check of a device that is current: latency, bytes, and the relay's CPU for it.
    const { answer: current } = await get(0).then(async () => get(cursor));
    const checks: number[] = [];
    let checkBytes = 0;
    const cpuBefore = cpuSeconds(relay.pid);
    for (let i = 0; i < 200; i++) {
      const began = performance.now();
      checkBytes = (await get(current.cursor)).bytes;
      checks.push(performance.now() - began);
    }
    const relayCpuUsPerCheck = ((cpuSeconds(relay.pid) - cpuBefore) / 200) * 1e6;
    return {
      docs: count,
      storeMb: storedBytes / 1024 / 1024,
      listMs,
      listKb: listBytes / 1024,
      checkMs: median(checks),
      checkKb: checkBytes / 1024,
      relayCpuUsPerCheck,
      firstFetchS,
      catchUpMs,
    };
  } finally {
    await relay.stop();
  }
}

execFileSync(process.execPath, ['scripts/build-relay.mjs'], { cwd: new URL('..', import.meta.url), stdio: 'inherit' });
const rows: Row[] = [];
for (const docs of values.docs.split(',').map(Number)) rows.push(await run(docs, Number(values.changed)));
out(
  `| documents | stored | full list (new device) | check when current | relay CPU per check | first fetch | ${values.changed} changed, fetched |`,
);
out('| --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows)
  out(
    `| ${r.docs} | ${r.storeMb.toFixed(1)} MB | ${r.listMs.toFixed(0)} ms, ${r.listKb.toFixed(0)} KB | ` +
      `${r.checkMs.toFixed(1)} ms, ${r.checkKb.toFixed(2)} KB | ${r.relayCpuUsPerCheck.toFixed(0)} µs | ` +
      `${r.firstFetchS.toFixed(1)} s | ${r.catchUpMs.toFixed(0)} ms |`,
  );
out(
  'Targets (issue 19): first fetch of 1,000 ≤ 20 s; 10 changed current ≤ 3 s; check ≤ 5 ms of relay work for 1,000 rooms; for 5,000, ≤ 200 ms and ≤ 100 KB.',
);
process.exit(0);

// `pnpm bench:first-fetch`: a new device's first fetch of a workspace of 1,000 documents (average 20 KB, the largest
// 600 KB) in Chromium from a local relay, while the member types in the annuaire's search (issue 19: ≤ 20 s, and
// keystroke → paint ≤ 50 ms throughout).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { newDocId, roomName, upsertCatalogueEntry, WELL_KNOWN_DOCS } from '@maillage/shared';
import { CHANGES_PATH } from '@maillage/shared/sync';
import type { Page } from '@playwright/test';
import type * as Y from 'yjs';
import { openRoomStore } from '../relay/src/persistence';
import { benchAccess } from './access';
import { joinedPage, launchChromium, markdownTable, push, startBenchRelay } from './browser';
import { catalogueDoc, directoryDoc, documentOf } from './seed';
import { startProfile, stopProfile } from './cpuProfile';
import { interactionDurations, takeSlowEvents, watchInteractions, type SlowEvent } from './interactions';
import { summarizeFrames, watchLongFrames, type LongFrame } from './longFrames';
import { median } from './stats';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    docs: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '3' },
    // Where the page's time goes for 5 s in the middle of the first run's fetch (self time by function).
    profile: { type: 'boolean', default: false },
    // What ran in the frames over 50 ms (Long Animation Frames): scripts by entry point, counted and summed.
    loaf: { type: 'boolean', default: false },
    // The catalogue lists every document as an open coordination file, as a real workspace's would: « Pour vous »
    // reads them as they land (without it the catalogue is empty and the documents are listed nowhere).
    listed: { type: 'boolean', default: false },
    // The page's CPU this many times slower (Chromium's throttling): a mid-range phone is about 4×.
    slowdown: { type: 'string', default: '1' },
  },
});
let profiled = !values.profile;
const COUNT = Number(values.docs);

/** The documents this page's device holds and may read, from its own IndexedDB (as the app records them). */
const progressInPage = `new Promise((resolve, reject) => {
  const open = indexedDB.open('maillage');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const all = open.result.transaction('fetches').objectStore('fetches').getAll();
    all.onsuccess = () => {
      const readable = all.result.filter((r) => r.readable);
      resolve({ onDevice: readable.filter((r) => r.fetchedTick >= r.tick).length, total: readable.length });
      open.result.close();
    };
  };
})`;

/** The catalogue with every document in it, as an open coordination file. */
function listing(docIds: readonly string[]): Y.Doc {
  const doc = catalogueDoc(0);
  const at = '2026-06-01T08:00:00.000Z';
  doc.transact(() =>
    docIds.forEach((docId, i) =>
      upsertCatalogueEntry(doc, docId, {
        kind: 'patientCase',
        title: `Dossier ${i}`,
        status: 'en_cours',
        groupId: null,
        createdAt: at,
        updatedAt: at,
        deletedAt: null,
      }),
    ),
  );
  return doc;
}

interface Run {
  seconds: number;
  /** When the fetch's first request (the change feed) left, in ms from the page's start. */
  began: number;
  /** Keystrokes typed, and the slowest interactions, while the fetch ran and before it began. */
  during: Keys;
  before: Keys;
}

interface Keys {
  typed: number;
  slow: number[];
}

/**
 * A key every 150 ms, as someone typing steadily: the field cleared, « martin », each step a key's time apart (the field
 * used to be cleared and typed in again at once, a few ms after the last key: faster than anyone types).
 */
async function typeOnce(page: Page): Promise<void> {
  const search = page.getByRole('searchbox');
  await search.fill('');
  await page.waitForTimeout(KEY_MS);
  await search.pressSequentially('martin', { delay: KEY_MS });
  await page.waitForTimeout(KEY_MS);
}
const KEY_MS = 150;

/** The page's keydowns from now on, by time (`window.keyTimes`): which were typed before the fetch began. */
const watchKeys = (page: Page) =>
  page.evaluate(() => {
    const times: number[] = [];
    Object.assign(window, { keyTimes: times });
    document.addEventListener('keydown', (event) => times.push(event.timeStamp), true);
  });

/** When the background sync's first request (the change feed) left, on the page's clock; Infinity if none did. */
const fetchBegan = (page: Page, path: string): Promise<number> =>
  page.evaluate(
    (p) => performance.getEntriesByType('resource').find((e) => e.name.includes(`${p}?`))?.startTime ?? Infinity,
    path,
  );

/** The keystrokes and slow interactions of a run, split at the fetch's start. */
function splitAt(began: number, keyTimes: number[], slow: SlowEvent[]): { during: Keys; before: Keys } {
  const keys = (early: boolean): Keys => ({
    typed: keyTimes.filter((t) => t < began === early).length,
    slow: interactionDurations(slow.filter((e) => e.start < began === early)),
  });
  return { during: keys(false), before: keys(true) };
}

async function run(): Promise<Run> {
  const access = await benchAccess();
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-first-fetch-'));
  const store = openRoomStore(dataDir);
  const docIds = Array.from({ length: COUNT }, () => newDocId());
  for (let i = 0; i < COUNT; i += 100)
    store.appendBatch(
      docIds.slice(i, i + 100).map((docId, j) => ({
        room: roomName({ workspaceId: access.ws, docId }),
        // Sizes 5–35 KB (average 20), one of 600 KB.
        update: documentOf(i + j === 0 ? 600_000 : 5_000 + Math.floor(Math.random() * 30_000)),
      })),
    );
  store.close();
  const relay = await startBenchRelay(dataDir);
  try {
    await push(
      relay.wsBase,
      roomName({ workspaceId: access.ws, docId: WELL_KNOWN_DOCS.catalogue }),
      values.listed ? listing(docIds) : catalogueDoc(0),
      access.token,
    );
    await push(
      relay.wsBase,
      roomName({ workspaceId: access.ws, docId: WELL_KNOWN_DOCS.directory }),
      directoryDoc(300),
      access.token,
    );
    const browser = await launchChromium();
    try {
      const page = await joinedPage(browser, relay.base, access.token);
      if (values.loaf) {
        await page.addInitScript(timeSocketMessages);
        await watchLongFrames(page);
      }
      const slowdown = Number(values.slowdown);
      if (slowdown > 1)
        await (await page.context().newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: slowdown });
      const started = performance.now();
      await page.goto(`/w/${access.ws}/annuaire`);
      await watchInteractions(page);
      await watchKeys(page);
      for (;;) {
        const { onDevice, total } = (await page.evaluate(progressInPage)) as { onDevice: number; total: number };
        if (total >= COUNT && onDevice === total) break;
        if (performance.now() - started > 180_000) throw new Error(`${onDevice} / ${total} after 180 s`);
        if (!profiled && onDevice > COUNT / 4) {
          profiled = true;
          const session = await startProfile(page);
          await new Promise((done) => setTimeout(done, 5000));
          const file = join(tmpdir(), 'first-fetch.cpuprofile');
          process.stderr.write(`page during the fetch (${file}):\n${await stopProfile(session, file, 30)}\n`);
        }
        await typeOnce(page);
      }
      const seconds = (performance.now() - started) / 1000;
      const slow = await takeSlowEvents(page);
      const began = await fetchBegan(page, CHANGES_PATH);
      const split = splitAt(began, (await page.evaluate('window.keyTimes')) as number[], slow);
      if (values.loaf) {
        const frames = (await page.evaluate('window.__longFrames')) as LongFrame[];
        writeFileSync(join(tmpdir(), 'first-fetch-frames.json'), JSON.stringify({ frames, slow }));
        process.stderr.write(`${summarizeFrames('during the fetch', [frames])}\n`);
        process.stderr.write(describeSlowKeys(slow, frames));
        process.stderr.write(summarizeMessages((await page.evaluate('window.socketMessages')) as SocketMessage[]));
        // The same typing once every document is here: what the fetch adds, on this machine as loaded as it is now.
        for (let i = 0; i < 4; i++) await typeOnce(page);
        const after = interactionDurations(await takeSlowEvents(page));
        process.stderr.write(
          `after the fetch, 24 keystrokes: ${after.filter((ms) => ms > 50).length} over 50 ms; slowest ${Math.max(0, ...after)} ms\n`,
        );
      }
      return { seconds, began, ...split };
    } finally {
      await browser.close();
    }
  } finally {
    relay.stop();
  }
}

/**
 * Times each WebSocket message's handler in the page (whatever it runs synchronously: y-websocket, Yjs, the stores'
 * listeners), with the message's size: on a loaded machine a large message's time against a small one's in the same
 * run says what the page does with it better than the frames' absolute times.
 */
const timeSocketMessages = `(() => {
  window.socketMessages = [];
  const handler = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'onmessage');
  Object.defineProperty(WebSocket.prototype, 'onmessage', {
    configurable: true,
    get() { return handler.get.call(this); },
    set(fn) {
      handler.set.call(this, typeof fn !== 'function' ? fn : function (event) {
        const start = performance.now();
        try { return fn.call(this, event); } finally {
          const bytes = event.data && event.data.byteLength !== undefined ? event.data.byteLength : String(event.data).length;
          window.socketMessages.push([bytes, performance.now() - start]);
        }
      });
    },
  });
})()`;

type SocketMessage = [bytes: number, ms: number];

/** The socket messages' handlers: the large messages one by one, the others' median and sum. */
function summarizeMessages(messages: SocketMessage[]): string {
  const large = messages.filter(([bytes]) => bytes > 100_000);
  const documents = messages.filter(([bytes]) => bytes >= 5_000 && bytes <= 100_000).map(([, ms]) => ms);
  const total = messages.reduce((n, [, ms]) => n + ms, 0);
  return [
    `socket messages: ${messages.length}, handlers ${total.toFixed(0)} ms in all; ` +
      `5–100 KB: ${documents.length}, median ${median(documents).toFixed(2)} ms, ` +
      `over 16 ms ${documents.filter((ms) => ms > 16).length}`,
    ...large.map(([bytes, ms]) => `  a message of ${(bytes / 1000).toFixed(0)} KB: ${ms.toFixed(1)} ms`),
    '',
  ].join('\n');
}

/** Each keystroke over 50 ms: how its time split, and the long frames it overlapped with what ran in them. */
function describeSlowKeys(events: SlowEvent[], frames: LongFrame[]): string {
  const lines: string[] = [];
  for (const e of events.filter((event) => event.duration > 50)) {
    const overlapping = frames.filter((f) => f.start < e.start + e.duration && f.start + f.duration > e.start);
    lines.push(
      `  ${e.name} at ${e.start.toFixed(0)} ms: ${e.duration} ms (input delay ${e.delay.toFixed(0)}, handlers ` +
        `${e.processing.toFixed(0)}, to the paint ${(e.duration - e.delay - e.processing).toFixed(0)})`,
      ...overlapping.map(
        (f) =>
          `    frame at ${f.start.toFixed(0)}, ${f.duration.toFixed(0)} ms, rendering ${f.rendering.toFixed(0)}: ` +
          f.scripts
            .map((x) => `${x.duration.toFixed(0)} ms ${x.invoker} ${x.fn}@${x.url.split('/').pop()}:${x.char}`)
            .join('; '),
      ),
    );
  }
  return `keystrokes over 50 ms:\n${lines.join('\n')}\n`;
}

const runs: Run[] = [];
for (let i = 0; i < Number(values.runs); i++) runs.push(await run());
const slowest = (keys: (r: Run) => Keys) => runs.map((r) => Math.max(0, ...keys(r).slow));
/** Interactions over 50 ms / keystrokes typed, and the median of the runs' slowest. */
const keysCell = (keys: (r: Run) => Keys) =>
  `${runs.reduce((n, r) => n + keys(r).slow.filter((d) => d > 50).length, 0)} / ` +
  `${runs.reduce((n, r) => n + keys(r).typed, 0)}; ${median(slowest(keys)).toFixed(0)} ms`;
process.stdout.write(
  markdownTable([
    [
      `first fetch of ${COUNT} documents in Chromium${Number(values.slowdown) > 1 ? ` (CPU ${values.slowdown}× slower)` : ''}, annuaire open and typed in (join → all on the device)`,
      `${median(runs.map((r) => r.seconds)).toFixed(1)} s`,
      '≤ 20 s',
      runs.map((r) => r.seconds.toFixed(1)).join(', '),
    ],
    [
      'keystroke → paint while the fetch runs (from its first request on): over 50 ms / typed; slowest',
      keysCell((r) => r.during),
      '≤ 50 ms',
      slowest((r) => r.during).join(', '),
    ],
    [
      `the same before the fetch began (the page's start; the fetch began at ${runs.map((r) => r.began.toFixed(0)).join(', ')} ms)`,
      keysCell((r) => r.before),
      '—',
      slowest((r) => r.before).join(', '),
    ],
  ]),
);
process.exit(0);

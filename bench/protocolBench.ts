// `pnpm bench:protocol`: a 50-page protocol with 200 comment threads and 100 versions, in Chromium against the real
// relay — opened from IndexedDB, two versions compared, typed into while four colleagues type too — its size on
// disk against its text, and full-text search over 200 protocols.
import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { protocolBody, protocolPlainText, roomName, upsertCatalogueEntry, WELL_KNOWN_DOCS } from '@maillage/shared';
import { FullTextIndex } from '../client/src/docs/catalogue/fullText';
import { benchAccess } from './access';
import { catalogueDoc, protocolDoc } from './seed';
import { heavyProtocol } from './protocolSeed';
import { median, percentile } from './stats';
import {
  joinedPage,
  launchChromium,
  markdownTable,
  push,
  REPO,
  startBenchRelay,
  timeClick,
  timeUntil,
} from './browser';
import { startProfile, stopProfile } from './cpuProfile';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const RUNS = 5;
/** `--profile`: also record where the time goes in Chromium (self time by function, .cpuprofile files in bench/results). */
const PROFILE = process.argv.includes('--profile');
const RESULTS = join(REPO, 'bench/results');
const profiles: string[] = [];
const DOC_ID = 'bench-protocol-heavy';
const REMOTE_TYPISTS = 4;
const SENTENCE = ' Ajout tapé pendant que des collègues écrivent aussi dans le protocole.';
/** In the page: each keydown's time to the first frame after it, and Event Timing's interactions over 16 ms. */
const INSTALL_KEY_TIMING = `(() => {
  window.keyToPaint = [];
  window.slowEvents = [];
  document.addEventListener('keydown', (e) => {
    const t0 = e.timeStamp;
    requestAnimationFrame(() => setTimeout(() => window.keyToPaint.push(performance.now() - t0), 0));
  }, true);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.interactionId) window.slowEvents.push(e.duration);
  }).observe({ type: 'event', durationThreshold: 16 });
})()`;

mkdirSync(RESULTS, { recursive: true });
const relay = await startBenchRelay();
const remotes: WebsocketProvider[] = [];
try {
  const { ws: workspaceId, token } = await benchAccess();
  const heavy = heavyProtocol();
  const update = Y.encodeStateAsUpdate(heavy.doc);
  const textBytes = Buffer.byteLength(protocolPlainText(heavy.doc));
  const catalogue = catalogueDoc(20);
  upsertCatalogueEntry(catalogue, DOC_ID, {
    kind: 'protocol',
    title: heavy.title,
    status: 'brouillon',
    groupId: null,
    createdAt: '2026-06-01T08:00:00.000Z',
    updatedAt: '2026-06-01T08:00:00.000Z',
    deletedAt: null,
  });
  const room = roomName({ workspaceId, docId: DOC_ID });
  await push(relay.wsBase, roomName({ workspaceId, docId: WELL_KNOWN_DOCS.catalogue }), catalogue, token);
  await push(relay.wsBase, room, heavy.doc, token);

  const browser = await launchChromium();
  const page = await joinedPage(browser, relay.base, token);
  const catalogueReady = `document.querySelectorAll('ul[aria-label="Catalogue"] li').length > 0`;
  await page.waitForFunction(catalogueReady, undefined, { timeout: 60_000 });
  const protocolUrl = `/w/${workspaceId}/protocols/${DOC_ID}`;
  const opened = [
    { selector: '[aria-label="Corps du protocole"][contenteditable]', text: heavy.lastText },
    { selector: '#tab-comments', text: `(${heavy.openThreads})` },
  ];
  await page.goto(protocolUrl);
  await page.waitForFunction(
    `document.querySelector('#tab-comments')?.textContent?.includes('(${heavy.openThreads})')`,
    undefined,
    { timeout: 60_000 },
  );
  await page.waitForTimeout(2000); // IndexedDB writes settle

  // Opened from IndexedDB: the network is cut, so everything shown comes from the device.
  await page.context().setOffline(true);
  const openMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await timeUntil(page, `/w/${workspaceId}`, catalogueReady);
    const session = PROFILE && i === RUNS - 1 ? await startProfile(page) : null;
    openMs.push(await timeClick(page, heavy.title, opened));
    if (session) profiles.push(`open:\n${await stopProfile(session, join(RESULTS, 'protocol-open.cpuprofile'))}`);
  }

  // Two versions compared (click → differences shown), far apart and then neighbours.
  await timeClick(page, 'Versions', { selector: '#compare-from' }, '[role="tab"]');
  const diffMs = async (from: number, to: number) => {
    await page.locator('#compare-from').selectOption({ label: `v${from}` });
    await page.locator('#compare-to').selectOption({ label: `v${to}` });
    return timeClick(
      page,
      'Comparer',
      { selector: '.diff h3', text: `Du « v${from} » au « v${to} »` },
      'button.small:not(.ghost)',
    );
  };
  const farMs: number[] = [];
  const nearMs: number[] = [];
  for (let i = 1; i <= RUNS; i++) {
    farMs.push(await diffMs(i, 101 - i));
    nearMs.push(await diffMs(50 + i, 51 + i));
  }

  // Typing, first alone, then while four colleagues type in other paragraphs (5 characters a second each, with
  // their carets). Keystroke → paint: from the key's event time to the first frame after it (a frame is 16.7 ms).
  await page.context().setOffline(false);
  await page.goto(protocolUrl);
  await page.waitForFunction(
    `document.querySelector('#tab-comments')?.textContent?.includes('(${heavy.openThreads})')`,
    undefined,
    { timeout: 60_000 },
  );
  await page.evaluate(INSTALL_KEY_TIMING);
  const body = page.getByRole('textbox', { name: 'Corps du protocole' });
  await body.getByText('Section 10').click();
  await page.keyboard.press('End');
  await page.keyboard.type(SENTENCE, { delay: 120 });
  const alone = ((await page.evaluate('window.keyToPaint.splice(0)')) as number[]).sort((a, b) => a - b);
  await page.evaluate('window.slowEvents.splice(0)');
  for (let r = 0; r < REMOTE_TYPISTS; r++) {
    const doc = new Y.Doc({ gc: false });
    const provider = new WebsocketProvider(relay.wsBase, room, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      params: { token },
    });
    remotes.push(provider);
    await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
    provider.awareness.setLocalStateField('user', { name: `Collègue ${r + 1}`, color: '#047857' });
  }
  const timers = remotes.map((provider, r) =>
    setInterval(() => {
      const paragraph = protocolBody(provider.doc).get(1 + r * 40) as Y.XmlElement;
      const text = paragraph.get(0) as Y.XmlText;
      text.insert(10, 'x');
      const at = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, 11));
      provider.awareness.setLocalStateField('cursor', { anchor: at, head: at });
    }, 200),
  );
  await body.getByText('Section 25').click();
  await page.keyboard.press('End');
  const typing = PROFILE ? await startProfile(page) : null;
  await page.keyboard.type(SENTENCE, { delay: 120 });
  if (typing)
    profiles.push(
      `typing with ${REMOTE_TYPISTS} colleagues:\n${await stopProfile(typing, join(RESULTS, 'protocol-typing.cpuprofile'))}`,
    );
  await page.waitForTimeout(500);
  for (const t of timers) clearInterval(t);
  const keyToPaint = ((await page.evaluate('window.keyToPaint')) as number[]).sort((a, b) => a - b);
  const slow = (await page.evaluate('window.slowEvents')) as number[];
  await browser.close();

  // Full-text search over 200 protocols of about 8 pages, as typed letter by letter (same V8 as Chromium).
  const index = new FullTextIndex();
  let corpus = 0;
  for (let i = 0; i < 200; i++) {
    const text = `${protocolPlainText(protocolDoc(8).doc)} protocole ${i} ${i % 7 === 0 ? 'diabète gestationnel' : 'plaies chroniques'}`;
    corpus += text.length;
    index.set({ docId: `p${i}`, title: `Protocole ${i}`, theme: 'Parcours', text });
  }
  const query = 'diabète gestationnel';
  const searchMs: number[] = [];
  for (let n = 1; n <= query.length; n++) {
    const started = performance.now();
    index.search(query.slice(0, n));
    searchMs.push(performance.now() - started);
  }

  const row = (label: string, values: number[], target = '') => [
    label,
    `${median(values).toFixed(0)} ms`,
    target,
    values.map((v) => v.toFixed(0)).join(', '),
  ];
  const rows = [
    row(
      `50-page protocol (${Math.round(heavy.characters / 1000)} k characters), ${heavy.versions} versions, 200 threads: ` +
        'open from IndexedDB, in-app (click → text and threads shown)',
      openMs,
      '≤ 300 ms',
    ),
    row('diff of two versions far apart (v1…v5 against v100…v96): click → shown', farMs, '≤ 200 ms'),
    row('diff of two neighbouring versions: click → shown', nearMs, '≤ 200 ms'),
    [
      `keystroke → paint, typing alone (${alone.length} keystrokes)`,
      `${median(alone).toFixed(1)} ms`,
      '',
      `p95 ${percentile(alone, 95).toFixed(1)}, max ${alone.at(-1)!.toFixed(1)}`,
    ],
    [
      `keystroke → paint with ${REMOTE_TYPISTS} colleagues typing (${keyToPaint.length} keystrokes)`,
      `${median(keyToPaint).toFixed(1)} ms`,
      '≤ 16 ms',
      `p95 ${percentile(keyToPaint, 95).toFixed(1)}, max ${keyToPaint.at(-1)!.toFixed(1)}; ${slow.length} interactions over 16 ms (Event Timing)`,
    ],
    [
      `size on disk: the whole document (update) against its plain text`,
      `${(update.byteLength / 1024).toFixed(0)} KB / ${(textBytes / 1024).toFixed(0)} KB`,
      'report',
      `× ${(update.byteLength / textBytes).toFixed(2)}`,
    ],
    row(
      `full-text search over 200 protocols (${(corpus / 1e6).toFixed(1)} M characters), per keystroke of « ${query} »`,
      searchMs,
      '≤ 50 ms',
    ),
  ];
  process.stdout.write(markdownTable(rows));
  if (profiles.length) process.stdout.write(`\nWhere the time goes (self time, Chromium):\n${profiles.join('\n')}\n`);
} finally {
  for (const r of remotes) r.destroy();
  relay.stop();
}

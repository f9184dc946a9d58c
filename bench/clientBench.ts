// `pnpm bench:client`: what a member waits for in the browser — catalogue of 1,000 documents and a 50-page protocol opened from IndexedDB, first-screen JS.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { relayNodeArgs } from '../relay/src/launch';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { roomName, upsertCatalogueEntry, WELL_KNOWN_DOCS } from '@maillage/shared';
import { benchAccess } from './access';
import { catalogueDoc, directoryDoc, protocolDoc } from './seed';
import { freePort } from './targets';
import { median } from './stats';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 5;
const DIRECTORY_SIZE = 2000;

function firstScreenGzipKb(): number {
  const dist = join(REPO, 'client/dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(join(dist, f))).length, 0) / 1024;
}

async function push(wsBase: string, room: string, doc: Y.Doc, token: string): Promise<void> {
  const provider = new WebsocketProvider(wsBase, room, doc, { WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, disableBc: true, params: { token } });
  await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  await new Promise((r) => setTimeout(r, 500));
  provider.destroy();
}

/**
 * In-app navigation: clicks a link and waits in the page (rAF polling, no round trips) until `ready` holds. The page
 * code is a string: tsx would wrap named functions in a helper (`__name`) the page does not have.
 */
async function timeClick(page: Page, linkText: string, ready: { selector: string; count?: number; text?: string }): Promise<number> {
  return page.evaluate(`(async () => {
    const ready = ${JSON.stringify(ready)};
    const link = [...document.querySelectorAll('a')].find((a) => a.textContent && a.textContent.includes(${JSON.stringify(linkText)}));
    if (!link) throw new Error('no link ' + ${JSON.stringify(linkText)});
    const isReady = () => {
      const found = document.querySelectorAll(ready.selector);
      if (ready.count !== undefined && found.length !== ready.count) return false;
      if (ready.text !== undefined && !(found[0] && found[0].textContent.includes(ready.text))) return false;
      return found.length > 0;
    };
    const started = performance.now();
    link.click();
    while (!isReady()) {
      if (performance.now() - started > 20000) throw new Error('not ready after 20 s: ' + document.querySelectorAll(ready.selector).length + ' × ' + ready.selector + ' — ' + document.body.innerText.slice(0, 300));
      await new Promise((r) => requestAnimationFrame(r));
    }
    return performance.now() - started;
  })()`) as Promise<number>;
}

async function timeUntil(page: Page, url: string, ready: string): Promise<number> {
  await page.goto(url);
  await page.waitForFunction(ready, undefined, { polling: 'raf', timeout: 30_000 });
  return page.evaluate(() => performance.now());
}

const port = await freePort();
const relay = spawn(process.execPath, relayNodeArgs(REPO), { cwd: REPO, env: { ...process.env, PORT: String(port), DATA_DIR: mkdtempSync(join(tmpdir(), 'bench-client-')) }, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 1500));
const base = `http://127.0.0.1:${port}`;
const wsBase = `ws://127.0.0.1:${port}/sync`;
try {
  const { ws: workspaceId, token } = await benchAccess();
  const protocol = protocolDoc(50);
  const catalogue = catalogueDoc(1000);
  // The protocol is listed too (newest, so on the first page): the in-app runs open it from the catalogue.
  upsertCatalogueEntry(catalogue, 'bench-protocol-50p', { kind: 'protocol', title: protocol.title, status: 'brouillon', groupId: null, createdAt: '2026-06-01T08:00:00.000Z', updatedAt: '2026-06-01T08:00:00.000Z', deletedAt: null });
  await push(wsBase, roomName({ workspaceId, docId: WELL_KNOWN_DOCS.catalogue }), catalogue, token);
  await push(wsBase, roomName({ workspaceId, docId: 'bench-protocol-50p' }), protocol.doc, token);
  await push(wsBase, roomName({ workspaceId, docId: WELL_KNOWN_DOCS.directory }), directoryDoc(DIRECTORY_SIZE), token);

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const context = await browser.newContext({ baseURL: base, locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('Votre nom').fill('Banc d’essai');
  await page.getByLabel('Profession').selectOption('coordinateur');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.goto(`/join#${token}`);
  // Shown = the first page of rows is on screen and the count says all 1,001 are there (the list pages by 100).
  const catalogueReady = `document.querySelectorAll('ul[aria-label="Catalogue"] li').length === 100 && document.body.textContent.includes('1001 documents')`;
  await page.waitForFunction(catalogueReady, undefined, { timeout: 60_000 });
  const protocolUrl = `/w/${workspaceId}/protocols/bench-protocol-50p`;
  const protocolReady = `document.querySelector('[aria-label="Corps du protocole"][contenteditable]')?.textContent?.includes(${JSON.stringify(protocol.lastText)})`;
  await timeUntil(page, protocolUrl, protocolReady);
  await page.waitForTimeout(1500); // let IndexedDB writes settle

  // From here on the network is cut: what shows comes from IndexedDB (and the service worker's shell).
  await context.setOffline(true);
  const shellMs: number[] = [];
  const catalogueMs: number[] = [];
  const protocolMs: number[] = [];
  const catalogueInAppMs: number[] = [];
  const protocolInAppMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    shellMs.push(await timeUntil(page, '/', `document.querySelector('h1') !== null`));
    // In-app: the catalogue and the protocol were closed (their Y.Docs destroyed), so each opens from IndexedDB again.
    catalogueInAppMs.push(await timeClick(page, 'CPTS Banc d’essai', { selector: 'ul[aria-label="Catalogue"] li', count: 100 }));
    protocolInAppMs.push(await timeClick(page, protocol.title, { selector: '[aria-label="Corps du protocole"][contenteditable]', text: protocol.lastText }));
    catalogueMs.push(await timeUntil(page, `/w/${workspaceId}`, catalogueReady));
    protocolMs.push(await timeUntil(page, protocolUrl, protocolReady));
  }

  // The annuaire of 2,000 members: opened in-app, then searched as one types. Keystroke → paint is read from the
  // Event Timing API, which reports every interaction slower than 16 ms (faster ones are under one frame).
  const directoryOpenMs: number[] = [];
  const keystrokes: number[] = [];
  let typed = 0;
  for (let i = 0; i < RUNS; i++) {
    await timeUntil(page, `/w/${workspaceId}`, catalogueReady);
    directoryOpenMs.push(await timeClick(page, 'Annuaire', { selector: 'ul[aria-label="Annuaire"] li', count: 100 }));
    await page.evaluate(`(() => {
      const slow = [];
      window.slowInteractions = slow;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.interactionId) slow.push({ id: e.interactionId, duration: e.duration });
      }).observe({ type: 'event', durationThreshold: 16 });
    })()`);
    const query = 'lefevre brive';
    await page.getByRole('searchbox').click();
    await page.keyboard.type(query, { delay: 120 });
    typed += query.length;
    await page.waitForTimeout(300);
    const slow = (await page.evaluate('window.slowInteractions')) as { id: number; duration: number }[];
    const byInteraction = new Map<number, number>();
    for (const { id, duration } of slow) byInteraction.set(id, Math.max(byInteraction.get(id) ?? 0, duration));
    keystrokes.push(...byInteraction.values());
  }
  await browser.close();

  const row = (label: string, values: number[], target = '') => [label, `${median(values).toFixed(0)} ms`, target, values.map((v) => v.toFixed(0)).join(', ')];
  const pages = `50-page protocol (${Math.round(protocol.characters / 1000)} k characters)`;
  const rows = [
    row('app shell: home screen from the service worker cache (page load → first heading)', shellMs),
    row('catalogue of 1,001 documents from IndexedDB, in-app (click → first 100 rows shown)', catalogueInAppMs, '≤ 300 ms'),
    row(`${pages} from IndexedDB, in-app (click → last paragraph shown)`, protocolInAppMs, '≤ 300 ms'),
    row('catalogue, full page load included (page load → list shown)', catalogueMs),
    row(`${pages}, full page load included (page load → last paragraph shown)`, protocolMs),
    row(`annuaire of ${DIRECTORY_SIZE} members, in-app (click → first 100 shown)`, directoryOpenMs),
    [`annuaire search as you type: keystroke → paint, ${typed} keystrokes`, keystrokes.length ? `${keystrokes.length} over 16 ms, slowest ${Math.max(...keystrokes).toFixed(0)} ms` : 'all under 16 ms', '≤ 50 ms', ''],
    ['first-screen JavaScript (gzip)', `${firstScreenGzipKb().toFixed(1)} KB`, '≤ 200 KB', ''],
  ];
  process.stdout.write(`\n| measure | median | target | runs |\n|---|---|---|---|\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}\n`);
} finally {
  relay.kill('SIGTERM');
}

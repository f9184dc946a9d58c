// `pnpm bench:client`: what a member waits for in the browser — catalogue of 1,000 documents and a 50-page protocol opened from IndexedDB, first-screen JS.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { roomName, WELL_KNOWN_DOCS } from '@maillage/shared';
import { benchAccess } from './access';
import { catalogueDoc, protocolDoc } from './seed';
import { freePort } from './targets';
import { median } from './stats';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 5;

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

async function timeUntil(page: Page, url: string, ready: string): Promise<number> {
  await page.goto(url);
  await page.waitForFunction(ready, undefined, { polling: 'raf', timeout: 30_000 });
  return page.evaluate(() => performance.now());
}

const port = await freePort();
const relay = spawn(process.execPath, ['relay/dist/main.js'], { cwd: REPO, env: { ...process.env, PORT: String(port), DATA_DIR: mkdtempSync(join(tmpdir(), 'bench-client-')) }, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 1500));
const base = `http://127.0.0.1:${port}`;
const wsBase = `ws://127.0.0.1:${port}/sync`;
try {
  const { ws: workspaceId, token } = await benchAccess();
  const protocol = protocolDoc(50);
  await push(wsBase, roomName({ workspaceId, docId: WELL_KNOWN_DOCS.catalogue }), catalogueDoc(1000), token);
  await push(wsBase, roomName({ workspaceId, docId: 'bench-protocol-50p' }), protocol.doc, token);

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const context = await browser.newContext({ baseURL: base, locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('Votre nom').fill('Banc d’essai');
  await page.getByLabel('Profession').selectOption('coordinateur');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.goto(`/join#${token}`);
  // Shown = the first page of rows is on screen and the count says all 1,000 are there (the list pages by 100).
  const catalogueReady = `document.querySelectorAll('ul[aria-label="Catalogue"] li').length === 100 && document.body.textContent.includes('1000 documents')`;
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
  for (let i = 0; i < RUNS; i++) {
    shellMs.push(await timeUntil(page, '/', `document.querySelector('h1') !== null`));
    catalogueMs.push(await timeUntil(page, `/w/${workspaceId}`, catalogueReady));
    protocolMs.push(await timeUntil(page, protocolUrl, protocolReady));
  }
  await browser.close();

  const rows = [
    ['app shell: home screen from the service worker cache (navigation → first heading)', `${median(shellMs).toFixed(0)} ms`, '', shellMs.map((v) => v.toFixed(0)).join(', ')],
    ['catalogue of 1,000 documents, from IndexedDB (navigation → list shown)', `${median(catalogueMs).toFixed(0)} ms`, '≤ 300 ms', catalogueMs.map((v) => v.toFixed(0)).join(', ')],
    [`50-page protocol (${Math.round(protocol.characters / 1000)} k characters), from IndexedDB (navigation → last paragraph shown)`, `${median(protocolMs).toFixed(0)} ms`, '≤ 300 ms', protocolMs.map((v) => v.toFixed(0)).join(', ')],
    ['first-screen JavaScript (gzip)', `${firstScreenGzipKb().toFixed(1)} KB`, '≤ 200 KB', ''],
  ];
  process.stdout.write(`\n| measure | median | target | runs |\n|---|---|---|---|\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}\n`);
} finally {
  relay.kill('SIGTERM');
}

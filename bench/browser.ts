// What the browser benchmarks share: a real relay on a free port, documents pushed to it by a stock client, Debian's
// Chromium onboarded into the bench workspace, and timers that measure in the page (rAF polling, no round trips).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import WebSocket from 'ws';
import type * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { relayNodeArgs } from '../relay/src/launch';
import { freePort } from './targets';

export const REPO = fileURLToPath(new URL('..', import.meta.url));

export interface BenchRelay {
  base: string;
  wsBase: string;
  stop(): void;
}

/** `dataDir`: a store written beforehand (a workspace's documents); a new empty one otherwise. */
export async function startBenchRelay(dataDir = mkdtempSync(join(tmpdir(), 'bench-client-'))): Promise<BenchRelay> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, relayNodeArgs(REPO), {
    cwd: REPO,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir },
    stdio: 'ignore',
  });
  // Ready when it answers, however long a loaded machine takes to start it.
  for (const started = Date.now(); ;) {
    const up = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() - started > 30_000) throw new Error('the relay did not start in 30 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base: `http://127.0.0.1:${port}`,
    wsBase: `ws://127.0.0.1:${port}/sync`,
    stop: () => void child.kill('SIGTERM'),
  };
}

/** Sends a whole document to the relay through a stock client, and waits for it to be stored. */
export async function push(wsBase: string, room: string, doc: Y.Doc, token: string): Promise<void> {
  const provider = new WebsocketProvider(wsBase, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token },
  });
  await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  await new Promise((r) => setTimeout(r, 500));
  provider.destroy();
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** A new page with a profile, joined to the bench workspace with its token. */
export async function joinedPage(browser: Browser, base: string, token: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: base, locale: 'fr-FR', viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('button', { name: "Créer l'espace de la CPTS" }).click();
  await page.getByLabel('Votre nom').fill('Banc d’essai');
  await page.getByLabel('Profession').selectOption('coordinateur');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByRole('heading', { name: 'Qui êtes-vous ?' }).waitFor({ state: 'hidden' });
  await page.goto(`/join#${token}`);
  await page.getByRole('button', { name: "Rejoindre l'espace" }).click();
  await page.getByRole('heading', { name: 'Accueil', level: 1 }).waitFor();
  return page;
}

export interface Ready {
  selector: string;
  count?: number;
  text?: string;
}

/**
 * Clicks the first link or button whose text includes `label` and waits in the page until `ready` holds. The page
 * code is a string: tsx would wrap named functions in a helper (`__name`) the page does not have.
 */
export async function timeClick(page: Page, label: string, ready: Ready | Ready[], clickable = 'a'): Promise<number> {
  return page.evaluate(`(async () => {
    const all = ${JSON.stringify([ready].flat())};
    const target = [...document.querySelectorAll(${JSON.stringify(clickable)})].find((a) => a.textContent && a.textContent.includes(${JSON.stringify(label)}));
    if (!target) throw new Error('nothing to click: ' + ${JSON.stringify(label)});
    const isReady = () => all.every((ready) => {
      const found = document.querySelectorAll(ready.selector);
      if (ready.count !== undefined && found.length !== ready.count) return false;
      if (ready.text !== undefined && !(found[0] && found[0].textContent.includes(ready.text))) return false;
      return found.length > 0;
    });
    const started = performance.now();
    target.click();
    while (!isReady()) {
      if (performance.now() - started > 20000) {
        const counts = all.map((r) => document.querySelectorAll(r.selector).length + ' × ' + r.selector).join(', ');
        throw new Error('not ready after 20 s: ' + counts + ' — ' + document.body.innerText.slice(0, 300));
      }
      await new Promise((r) => requestAnimationFrame(r));
    }
    return performance.now() - started;
  })()`) as Promise<number>;
}

/** Loads a URL and returns the time from navigation start until the `ready` expression holds. */
export async function timeUntil(page: Page, url: string, ready: string): Promise<number> {
  await page.goto(url);
  await page.waitForFunction(ready, undefined, { polling: 'raf', timeout: 30_000 });
  return page.evaluate(() => performance.now());
}

export function firstScreenGzipKb(): number {
  const dist = join(REPO, 'client/dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(join(dist, f))).length, 0) / 1024;
}

export function markdownTable(rows: string[][]): string {
  return `\n| measure | median | target | runs |\n|---|---|---|---|\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}\n`;
}

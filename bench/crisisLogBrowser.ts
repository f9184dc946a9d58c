// `pnpm bench:crisis-log-browser`: a main courante of 2,000 entries opened in Chromium from IndexedDB, network cut:
// in-app from the crisis list (click → latest entry shown) and by a full page load. Then, back online with an
// annuaire of 500 members: an entry appended by a stock client of another member → its row in the page, and an answer
// from another member → the cell's board recounted in the page. `--profile` also records where the last in-app open
// spends its time.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { acknowledge, appendEntry, roomName, upsertCatalogueEntry, WELL_KNOWN_DOCS } from '@maillage/shared';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { benchAccess } from './access';
import { joinedPage, launchChromium, markdownTable, push, startBenchRelay, timeClick, timeUntil } from './browser';
import { startProfile, stopProfile } from './cpuProfile';
import { mainCouranteDoc } from './crisisSeed';
import { directoryDoc } from './seed';
import { median } from './stats';

const RUNS = 7;
const ENTRIES = 2000;
const MEMBERS = 500;
const LIVE_RUNS = 20;
const PROFILE = process.argv.includes('--profile');
const RESULTS = fileURLToPath(new URL('./results/', import.meta.url));
const DOC_ID = process.env.CRISIS_DOC_ID ?? 'crisis-benchmaincour';

const relay = await startBenchRelay();
try {
  const { ws: workspaceId, token } = await benchAccess();
  const { doc, lastText, qualifiedAt } = mainCouranteDoc(ENTRIES);
  const catalogue = new Y.Doc();
  upsertCatalogueEntry(catalogue, DOC_ID, {
    kind: 'crisisActivation',
    title: 'Canicule',
    status: 'active',
    groupId: null,
    createdAt: qualifiedAt,
    updatedAt: qualifiedAt,
    deletedAt: null,
    crisisTypology: 'malades_fragiles',
  });
  await push(relay.wsBase, roomName({ workspaceId, docId: WELL_KNOWN_DOCS.catalogue }), catalogue, token);
  await push(relay.wsBase, roomName({ workspaceId, docId: DOC_ID }), doc, token);
  await push(relay.wsBase, roomName({ workspaceId, docId: WELL_KNOWN_DOCS.directory }), directoryDoc(MEMBERS), token);

  const browser = await launchChromium();
  const page = await joinedPage(browser, relay.base, token);
  const url = `/w/${workspaceId}/crise/${DOC_ID}`;
  const ready = { selector: '[data-testid="crisis-log"]', text: lastText };
  const readyJs = `document.querySelector('[data-testid="crisis-log"]')?.textContent.includes(${JSON.stringify(lastText)})`;
  await page.goto(url);
  await page.waitForFunction(readyJs, undefined, { timeout: 60_000 });
  await page.waitForTimeout(2000); // let IndexedDB writes settle
  await page.context().setOffline(true);
  const inApp: number[] = [];
  const load: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await timeUntil(page, `/w/${workspaceId}/crise`, `document.querySelector('h1') !== null`);
    await page.waitForFunction(`[...document.querySelectorAll('a')].some((a) => a.textContent.includes('Canicule'))`);
    const session = PROFILE && i === RUNS - 1 ? await startProfile(page) : null;
    inApp.push(await timeClick(page, 'Canicule', ready));
    if (session) {
      mkdirSync(RESULTS, { recursive: true });
      process.stderr.write(`${await stopProfile(session, join(RESULTS, 'crisis-log-open.cpuprofile'), 25)}\n`);
    }
    load.push(await timeUntil(page, url, readyJs));
  }

  // Live: the page stays on the activation, online; another member's stock client appends entries and answers.
  process.stderr.write(`open: ${inApp.map((v) => v.toFixed(0)).join(', ')}\n`);
  await page.context().setOffline(false);
  await page.goto(url);
  process.stderr.write('live: the page is back online\n');
  await page.waitForFunction(readyJs, undefined, { timeout: 60_000 });
  const countsJs = `document.querySelector('[data-testid="crisis-board-counts"]')?.textContent ?? ''`;
  // The whole annuaire is on the board (the bench's own member may be in it too) before anyone answers.
  await page.waitForFunction(
    `Number(((${countsJs}).match(/sans réponse : (\\d+)/) || [])[1]) >= ${MEMBERS}`,
    undefined,
    {
      timeout: 60_000,
    },
  );
  const remote = new Y.Doc();
  const provider = new WebsocketProvider(relay.wsBase, roomName({ workspaceId, docId: DOC_ID }), remote, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token },
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the stock client did not sync in 30 s')), 30_000);
    provider.once('sync', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  process.stderr.write('live: the board shows the annuaire, a stock client is synced\n');
  /** Waits in the page (a MutationObserver) until `check` holds, and gives the wall-clock time it did. */
  const arrival = (check: string) =>
    // The statement ends in `0`: returning the promise itself would make evaluate wait for it.
    page.evaluate(`window.__arrived = new Promise((resolve, reject) => {
      const done = () => { if (${check}) { observer.disconnect(); resolve(Date.now()); return true; } return false; };
      const observer = new MutationObserver(done);
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      setTimeout(() => reject(new Error('not arrived after 20 s: ' + (${countsJs}))), 20000);
      done();
    }); 0`);
  // First an entry not timed: the page's socket is back and the room in step (the page was offline just before).
  const probe = 'Entrée de contrôle : la cellule est en ligne.';
  const probeSent = Date.now();
  appendEntry(remote, { text: probe, kind: 'information' }, { memberId: 'member-author07', role: 'member' });
  await page.waitForFunction(
    `document.querySelector('[data-testid="crisis-log"]')?.textContent.includes(${JSON.stringify(probe)})`,
    undefined,
    { timeout: 120_000 },
  );
  process.stderr.write(`live: the page is in step after ${Date.now() - probeSent} ms\n`);
  const entryArrivals: number[] = [];
  const boardArrivals: number[] = [];
  for (let i = 0; i < LIVE_RUNS; i++) {
    const text = `Entrée en direct ${i} : renfort arrivé au gymnase.`;
    await arrival(
      `document.querySelector('[data-testid="crisis-log"]')?.textContent.includes(${JSON.stringify(text)})`,
    );
    const sent = Date.now();
    const written = appendEntry(remote, { text, kind: 'information' }, { memberId: 'member-author07', role: 'member' });
    if (!written.ok) throw new Error('entry refused');
    entryArrivals.push(((await page.evaluate('window.__arrived')) as number) - sent);

    await arrival(`(${countsJs}).startsWith('Disponibles : ${i + 1} ')`);
    const answered = Date.now();
    const memberId = `bench-member-${String(i * 17).padStart(6, '0')}`;
    if (!acknowledge(remote, { memberId, role: 'member' }, 'disponible').ok) throw new Error('answer refused');
    boardArrivals.push(((await page.evaluate('window.__arrived')) as number) - answered);
  }
  provider.destroy();
  await browser.close();
  const row = (label: string, values: number[], target = '') => [
    label,
    `${median(values).toFixed(0)} ms`,
    target,
    values.map((v) => v.toFixed(0)).join(', '),
  ];
  process.stdout.write(
    markdownTable([
      row(
        `main courante of ${ENTRIES} entries, in-app from the crisis list (click → latest entry shown)`,
        inApp,
        '≤ 200 ms',
      ),
      row('same, full page load included (navigation → latest entry shown)', load),
      row('a new entry from another member (stock client → relay → its row in the page)', entryArrivals, '≤ 200 ms'),
      row(
        `the board of ${MEMBERS} members after an answer arrives (stock client → relay → counts in the page)`,
        boardArrivals,
        '≤ 100 ms',
      ),
    ]),
  );
} finally {
  relay.stop();
}
// tsx's compiler service keeps the process alive once the figures are out.
process.exit(0);

// `pnpm bench:crisis-log-browser`: a main courante of 2,000 entries opened in Chromium from IndexedDB, network cut:
// in-app from the crisis list (click → latest entry shown) and by a full page load. `--profile` also records where the
// last in-app open spends its time.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { roomName, upsertCatalogueEntry, WELL_KNOWN_DOCS } from '@maillage/shared';
import * as Y from 'yjs';
import { benchAccess } from './access';
import { joinedPage, launchChromium, markdownTable, push, startBenchRelay, timeClick, timeUntil } from './browser';
import { startProfile, stopProfile } from './cpuProfile';
import { mainCouranteDoc } from './crisisSeed';
import { median } from './stats';

const RUNS = 7;
const ENTRIES = 2000;
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
    ]),
  );
} finally {
  relay.stop();
}

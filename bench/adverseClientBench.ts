// `pnpm bench:adverse`: issue 21's two screen targets in Chromium against the real relay, network cut once the
// device holds everything — a quality référent's events screen opening with 1,000 reports on the device (the
// anonymised register every member reads, and the référent's list of reports), and a report saved with no network
// (« Envoyer » → listed « en attente d'envoi »); with 100 concertations of the year too, the quality dashboard and
// the ACI report's print view.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import {
  upsertCatalogueEntry,
  newDocId,
  registerRow,
  roomName,
  setQualityReferent,
  WELL_KNOWN_DOCS,
  writeRegisterRow,
} from '@maillage/shared';
import { openRoomStore } from '../relay/src/persistence';
import { benchAccess } from './access';
import { joinedPage, launchChromium, markdownTable, push, startBenchRelay, timeClick, timeUntil } from './browser';
import { startProfile, stopProfile } from './cpuProfile';
import { framesBetween, pageNow, summarizeFrames, watchLongFrames, type LongFrame } from './longFrames';
import { meetingDoc } from './meetingSeed';
import { reportDoc } from './adverseSeed';
import { catalogueDoc, directoryDoc } from './seed';
import { median } from './stats';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    reports: { type: 'string', default: '1000' },
    meetings: { type: 'string', default: '100' },
    runs: { type: 'string', default: '5' },
    // Where the page's time goes while the screen opens, last run (self time by function).
    profile: { type: 'boolean', default: false },
    // What ran in each tap's long frames (Long Animation Frames API), every run: counts and scripts, not timings.
    frames: { type: 'boolean', default: false },
  },
});
const REPORTS = Number(values.reports);
const MEETINGS = Number(values.meetings);
const RUNS = Number(values.runs);
/** The rows a long list shows at once (`FIRST_ROWS`, client/src/docs/adverseEvent/ShowMore.tsx). */
const SHOWN = 50;
const MINE = 'ul[aria-labelledby="adverse-mine"]';

/** Clicks the button labelled `label`, then the time at which each condition (a JS expression) first held. */
function timeSteps(label: string, conditions: string[]): string {
  return `(async () => {
    const target = [...document.querySelectorAll('button')].find((b) => b.textContent && b.textContent.includes(${JSON.stringify(label)}));
    if (!target) throw new Error('nothing to click: ' + ${JSON.stringify(label)});
    const checks = [${conditions.map((c) => `() => (${c})`).join(', ')}];
    const times = checks.map(() => null);
    const started = performance.now();
    target.click();
    while (times.some((t) => t === null)) {
      if (performance.now() - started > 20000) throw new Error('not ready after 20 s: ' + document.body.innerText.slice(0, 2000));
      checks.forEach((check, i) => { if (times[i] === null && check()) times[i] = performance.now() - started; });
      await new Promise((r) => requestAnimationFrame(r));
    }
    return times;
  })()`;
}

/** How many reports this page's device holds and may read (as the app records them), and how many it knows of. */
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

const access = await benchAccess();
const dataDir = mkdtempSync(join(tmpdir(), 'bench-adverse-'));
const store = openRoomStore(dataDir);
const governance = new Y.Doc();
setQualityReferent(governance, access.member, true, 'coordinator');
const ids = Array.from({ length: REPORTS }, () => newDocId());
for (let i = 0; i < REPORTS; i += 100) {
  const batch = ids.slice(i, i + 100).map((docId, j) => {
    const doc = reportDoc(i + j, access.member);
    writeRegisterRow(governance, registerRow(docId, doc)!);
    return { room: roomName({ workspaceId: access.ws, docId }), update: Y.encodeStateAsUpdate(doc) };
  });
  store.appendBatch(batch);
}
const catalogue = catalogueDoc(20);
const meetings = Array.from({ length: MEETINGS }, (_, m) => {
  const { doc, date, status } = meetingDoc(m);
  const docId = newDocId();
  upsertCatalogueEntry(catalogue, docId, {
    kind: 'concertation',
    title: `RCP ${m + 1}`,
    status,
    groupId: null,
    createdAt: '2026-01-01T08:00:00.000Z',
    updatedAt: '2026-01-01T08:00:00.000Z',
    deletedAt: null,
    meetingDate: date,
    meetingStart: '12:30',
  });
  return { room: roomName({ workspaceId: access.ws, docId }), update: Y.encodeStateAsUpdate(doc) };
});
store.appendBatch(meetings);
store.close();

const relay = await startBenchRelay(dataDir);
const profiles: string[] = [];
try {
  const room = (docId: string) => roomName({ workspaceId: access.ws, docId });
  await push(relay.wsBase, room(WELL_KNOWN_DOCS.catalogue), catalogue, access.token);
  await push(relay.wsBase, room(WELL_KNOWN_DOCS.directory), directoryDoc(300), access.token);
  await push(relay.wsBase, room(WELL_KNOWN_DOCS.governance), governance, access.token);
  const browser = await launchChromium();
  try {
    const page = await joinedPage(browser, relay.base, access.token);
    if (values.frames) await watchLongFrames(page);
    const frames = new Map<string, LongFrame[][]>();
    /** Measures one tap and, with `--frames`, keeps the long frames it spanned under `label`. */
    const framed = async <T>(label: string, tap: () => Promise<T>, ms: (result: T) => number): Promise<T> => {
      if (!values.frames) return tap();
      const from = await pageNow(page);
      const result = await tap();
      frames.set(label, [...(frames.get(label) ?? []), await framesBetween(page, from, ms(result))]);
      return result;
    };
    const alone = (ms: number) => ms;
    // The device fetches every report in the background; the screen is measured once all are there.
    const started = Date.now();
    for (;;) {
      const { onDevice, total } = (await page.evaluate(progressInPage)) as { onDevice: number; total: number };
      if (total >= REPORTS + MEETINGS && onDevice === total) break;
      if (Date.now() - started > 300_000) throw new Error(`${onDevice} / ${total} reports on the device after 300 s`);
      await page.waitForTimeout(500);
    }
    const events = `/w/${access.ws}/evenements`;
    const registerRows = { selector: 'table.register-table tbody tr', count: Math.min(SHOWN, REPORTS) };
    // The référent's list: its first rows, and the button that shows all of them, which counts them.
    const receivedRows = [
      { selector: 'ul[aria-labelledby="adverse-received"] li', count: Math.min(SHOWN, REPORTS) },
      { selector: 'section[aria-labelledby="adverse-received"] button', text: `(${REPORTS})` },
    ];
    // Once, online, so the référent's device has written every register row it reads and read every copy once.
    await timeUntil(
      page,
      events,
      `document.querySelector('section[aria-labelledby="adverse-received"] button')?.textContent?.includes('(${REPORTS})')`,
    );
    await page.context().setOffline(true);

    // From the home screen, a tap on « Événements indésirables » until the register's rows, then also the
    // référent's list, are on screen.
    const home = `/w/${access.ws}`;
    const homeReady = `document.querySelector('h1')?.textContent?.includes('Accueil')`;
    // The floor on this machine: the same tap on a screen with little in it (the working groups).
    const floorMs: number[] = [];
    const registerMs: number[] = [];
    const fullMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await timeUntil(page, home, homeReady);
      const last = values.profile && i === RUNS - 1;
      const floorSession = last ? await startProfile(page) : null;
      floorMs.push(
        await framed('floor', () => timeClick(page, 'Groupes', { selector: 'h1', text: 'Groupes de travail' }), alone),
      );
      if (floorSession)
        profiles.push(`floor:\n${await stopProfile(floorSession, join(tmpdir(), 'adverse-floor.cpuprofile'))}`);
      await timeUntil(page, home, homeReady);
      const registerSession = last ? await startProfile(page) : null;
      registerMs.push(await framed('register', () => timeClick(page, 'Événements indésirables', registerRows), alone));
      if (registerSession)
        profiles.push(
          `register:\n${await stopProfile(registerSession, join(tmpdir(), 'adverse-register.cpuprofile'))}`,
        );
      await timeUntil(page, home, homeReady);
      const session = values.profile && i === RUNS - 1 ? await startProfile(page) : null;
      fullMs.push(await timeClick(page, 'Événements indésirables', [registerRows, ...receivedRows]));
      if (session)
        profiles.push(`events screen:\n${await stopProfile(session, join(tmpdir(), 'adverse-open.cpuprofile'))}`);
    }

    // « Qualité »: the year's dashboard (the 1,000 events, the 100 meetings read from the device), then the ACI
    // report's print view from its link.
    const dashboardMs: number[] = [];
    const printMs: number[] = [];
    const figures = { selector: '[data-testid="key-figures"]', text: String(REPORTS) };
    // The section is offered once the shell knows this member is a référent.
    const qualityOffered = `${homeReady} && [...document.querySelectorAll('a')].some((a) => a.textContent.includes('Qualité'))`;
    for (let i = 0; i < RUNS; i++) {
      await timeUntil(page, home, qualityOffered);
      const session = values.profile && i === RUNS - 1 ? await startProfile(page) : null;
      dashboardMs.push(await framed('dashboard', () => timeClick(page, 'Qualité', figures), alone));
      if (session)
        profiles.push(`dashboard:\n${await stopProfile(session, join(tmpdir(), 'adverse-dashboard.cpuprofile'))}`);
      printMs.push(await timeClick(page, 'Rapport annuel ACI', { selector: 'article.aci-report table' }));
    }

    // A report saved with no network: the form filled, then « Envoyer » until it is listed « en attente d'envoi ».
    const saveMs: number[] = [];
    const listedMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await page.goto(`${events}/signaler`);
      await page.getByRole('radio', { name: 'Domicile' }).click();
      await page
        .getByLabel('Que s’est-il passé ?')
        .fill(`Pilulier préparé avec la dose du soir dans la case du matin (${i + 1}).`);
      await page.getByRole('radio', { name: 'Presque-accident (une barrière a fonctionné)' }).click();
      await page.getByRole('radio', { name: 'Aucune' }).click();
      await page.getByRole('radio', { name: /^2 · Significatif/ }).click();
      await page.getByRole('checkbox', { name: 'Infirmier·ère' }).click();
      await page
        .getByRole('group', { name: /patient .* informé/ })
        .getByRole('radio', { name: 'Non' })
        .click();
      const session = values.profile && i === RUNS - 1 ? await startProfile(page) : null;
      const [saved, listed] = await framed(
        'offline save',
        () =>
          page.evaluate(
            timeSteps('Envoyer', [
              `document.querySelector('h1')?.textContent?.includes('Événements indésirables')`,
              `document.querySelectorAll('${MINE} li').length === ${i + 1} && document.querySelector('${MINE}').textContent.includes('en attente d’envoi')`,
            ]),
          ) as Promise<[number, number]>,
        (times) => Math.max(...times),
      );
      saveMs.push(saved);
      listedMs.push(listed);
      if (session)
        profiles.push(`offline save:\n${await stopProfile(session, join(tmpdir(), 'adverse-save.cpuprofile'))}`);
    }

    const row = (label: string, measured: number[], target: string) => [
      label,
      `${median(measured).toFixed(0)} ms`,
      target,
      measured.map((v) => v.toFixed(0)).join(', '),
    ];
    process.stdout.write(
      markdownTable([
        row('floor: the same tap on « Groupes » (a screen with little in it), offline', floorMs, 'report'),
        row(
          `events screen, ${REPORTS} reports on a référent's device, offline: tap → the register's first rows shown`,
          registerMs,
          '≤ 150 ms',
        ),
        row(
          `the same, tap → the register and the référent's list (${REPORTS} counted, first rows shown)`,
          fullMs,
          '≤ 150 ms',
        ),
        row(
          'report saved with no network: « Envoyer » → kept on the device, the events screen shown',
          saveMs,
          '≤ 100 ms',
        ),
        row('the same: « Envoyer » → listed « en attente d’envoi »', listedMs, '≤ 100 ms'),
        row(
          `quality dashboard of the year, ${REPORTS} events and ${MEETINGS} meetings: tap → key figures`,
          dashboardMs,
          '≤ 300 ms',
        ),
        row('ACI report, print view: tap on its link → its tables shown', printMs, '≤ 1 s'),
      ]),
    );
    if (values.frames)
      process.stdout.write(
        `\nLong frames of each tap (Long Animation Frames API):\n${[...frames].map(([label, runs]) => summarizeFrames(label, runs)).join('\n')}\n`,
      );
    if (profiles.length) process.stdout.write(`\nWhere the time goes (self time, Chromium):\n${profiles.join('\n')}\n`);
  } finally {
    await browser.close();
  }
} finally {
  relay.stop();
}
process.exit(0);

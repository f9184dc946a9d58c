// `pnpm bench:adverse`: issue 21's two screen targets in Chromium against the real relay, network cut once the
// device holds everything — a quality référent's events screen opening with 1,000 reports on the device (the
// anonymised register every member reads, and the référent's list of reports), and a report saved with no network
// (« Envoyer » → listed « en attente d'envoi »).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import {
  createReport,
  EVENT_CATEGORIES,
  moveReportStatus,
  newDocId,
  registerRow,
  roomName,
  setQualityReferent,
  WELL_KNOWN_DOCS,
  writeQualification,
  writeRegisterRow,
} from '@maillage/shared';
import { openRoomStore } from '../relay/src/persistence';
import { benchAccess } from './access';
import { joinedPage, launchChromium, markdownTable, push, startBenchRelay, timeClick, timeUntil } from './browser';
import { startProfile, stopProfile } from './cpuProfile';
import { catalogueDoc, directoryDoc } from './seed';
import { median } from './stats';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    reports: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '5' },
    // Where the page's time goes while the screen opens, last run (self time by function).
    profile: { type: 'boolean', default: false },
  },
});
const REPORTS = Number(values.reports);
const RUNS = Number(values.runs);
const REPORTER = 'member-elsa01';
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

/** A report as a nurse makes it; three in four qualified by a référent, half of those analysed. */
function reportDoc(i: number, referent: string): Y.Doc {
  const doc = new Y.Doc();
  const referents = new Set([referent]);
  const month = String((i % 11) + 1).padStart(2, '0');
  const day = String((i % 28) + 1).padStart(2, '0');
  createReport(
    doc,
    {
      occurredAt: `2026-${month}-${day}T08:30:00.000Z`,
      place: 'domicile',
      description: `Événement ${i} : pilulier préparé avec la dose du soir dans la case du matin.`,
      nature: i % 3 === 0 ? 'dommage' : 'epr',
      consequences: 'aucune',
      severity: (i % 5) + 1,
      professions: ['infirmier'],
      immediateMeasures: 'Pilulier refait.',
      patientInformed: false,
    },
    REPORTER,
    new Date('2026-11-30T12:00:00.000Z'),
  );
  if (i % 4 !== 0) {
    const eigs = i % 50 === 0;
    const qualification = {
      category: EVENT_CATEGORIES[i % EVENT_CATEGORIES.length],
      severity: (i % 5) + 1,
      avoidability: 'evitable',
      eigs,
      eigsCriteria: eigs ? ['deces'] : [],
    };
    writeQualification(doc, qualification, referent, referents, new Date('2026-12-01T12:00:00.000Z'));
    if (i % 2 === 0) {
      moveReportStatus(doc, 'a_analyser', referent, referents);
      moveReportStatus(doc, 'analyse', referent, referents);
    }
  }
  return doc;
}

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
store.close();

const relay = await startBenchRelay(dataDir);
const profiles: string[] = [];
try {
  const room = (docId: string) => roomName({ workspaceId: access.ws, docId });
  await push(relay.wsBase, room(WELL_KNOWN_DOCS.catalogue), catalogueDoc(20), access.token);
  await push(relay.wsBase, room(WELL_KNOWN_DOCS.directory), directoryDoc(300), access.token);
  await push(relay.wsBase, room(WELL_KNOWN_DOCS.governance), governance, access.token);
  const browser = await launchChromium();
  try {
    const page = await joinedPage(browser, relay.base, access.token);
    // The device fetches every report in the background; the screen is measured once all are there.
    const started = Date.now();
    for (;;) {
      const { onDevice, total } = (await page.evaluate(progressInPage)) as { onDevice: number; total: number };
      if (total >= REPORTS && onDevice === total) break;
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
      floorMs.push(await timeClick(page, 'Groupes', { selector: 'h1', text: 'Groupes de travail' }));
      await timeUntil(page, home, homeReady);
      registerMs.push(await timeClick(page, 'Événements indésirables', registerRows));
      await timeUntil(page, home, homeReady);
      const session = values.profile && i === RUNS - 1 ? await startProfile(page) : null;
      fullMs.push(await timeClick(page, 'Événements indésirables', [registerRows, ...receivedRows]));
      if (session)
        profiles.push(`events screen:\n${await stopProfile(session, join(tmpdir(), 'adverse-open.cpuprofile'))}`);
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
      const [saved, listed] = (await page.evaluate(
        timeSteps('Envoyer', [
          `document.querySelector('h1')?.textContent?.includes('Événements indésirables')`,
          `document.querySelectorAll('${MINE} li').length === ${i + 1} && document.querySelector('${MINE}').textContent.includes('en attente d’envoi')`,
        ]),
      )) as [number, number];
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
      ]),
    );
    if (profiles.length) process.stdout.write(`\nWhere the time goes (self time, Chromium):\n${profiles.join('\n')}\n`);
  } finally {
    await browser.close();
  }
} finally {
  relay.stop();
}
process.exit(0);

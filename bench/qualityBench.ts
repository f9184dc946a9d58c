// `pnpm bench:quality`: the quality dashboard of a year with 1,000 reports and 100 concertations, as the screen
// computes it — the register read from the governance document, each meeting decoded from its stored update and read,
// the year's figures and the ACI indicators — timed in node. Medians of --runs (default 15) after two warm-up runs.
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import {
  aciProgress,
  qualityDashboard,
  readAciAnnex,
  readAciManualValue,
  readAgenda,
  readMeeting,
  readRegister,
  readSheet,
  registerRow,
  setAciAnnex,
  writeRegisterRow,
  type MeetingRecord,
} from '@maillage/shared';
import { reportDoc } from './adverseSeed';
import { meetingDoc } from './meetingSeed';
import { median } from './stats';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    reports: { type: 'string', default: '1000' },
    meetings: { type: 'string', default: '100' },
    runs: { type: 'string', default: '15' },
  },
});
const REPORTS = Number(values.reports);
const MEETINGS = Number(values.meetings);
const RUNS = Number(values.runs);
const YEAR = 2026;
const REFERENT = 'member-regine';

// Setup (not timed): reports qualified and moved along by a référent, their rows in the governance document.
const governance = new Y.Doc();
let setup = performance.now();
for (let i = 0; i < REPORTS; i++) {
  const report = reportDoc(i, REFERENT);
  writeRegisterRow(governance, registerRow(`report-${String(i).padStart(8, '0')}`, report)!);
}
setAciAnnex(
  governance,
  [
    {
      id: 'mission-1',
      label: 'Mission 3',
      actions: [
        {
          id: 'action-1',
          label: 'Démarche qualité',
          indicators: [
            {
              id: 'ind-a',
              label: 'RCP',
              measure: 'concertations_cr',
              socle: 10,
              intermediaire: 30,
              objectif: 60,
              amount: 5000,
            },
            {
              id: 'ind-b',
              label: 'EI',
              measure: 'evenements_analyses',
              socle: 5,
              intermediaire: 20,
              objectif: 50,
              amount: 2000,
            },
            {
              id: 'ind-c',
              label: 'Protocoles',
              measure: 'protocoles_diffuses',
              socle: 2,
              intermediaire: 4,
              objectif: 8,
              amount: 2500,
            },
            {
              id: 'ind-d',
              label: 'SNP',
              measure: 'manuel',
              socle: 50,
              intermediaire: 100,
              objectif: 200,
              amount: 3000,
            },
          ],
        },
      ],
    },
  ],
  'coordinator',
);

// 100 concertations of the year, each with six cases (five discussed) and four signatures, kept as stored updates.
const stored: { docId: string; update: Uint8Array; date: string; status: string }[] = [];
for (let m = 0; m < MEETINGS; m++) {
  const { doc, date, status } = meetingDoc(m);
  stored.push({ docId: `rcp-${String(m).padStart(8, '0')}`, update: Y.encodeStateAsUpdate(doc), date, status });
}
const catalogue = [
  ...Array.from({ length: 60 }, (_, p) => ({
    docId: `protocol-${p}`,
    kind: 'protocol',
    status: p % 3 === 0 ? 'brouillon' : 'diffuse',
    reviewDate: `${YEAR + (p % 2)}-06-01`,
    deletedAt: null,
  })),
  ...stored.map(({ docId, date, status }) => ({
    docId,
    kind: 'concertation',
    status,
    reviewDate: null,
    deletedAt: null,
    meetingDate: date,
  })),
];
const governanceUpdate = Y.encodeStateAsUpdate(governance);
setup = performance.now() - setup;

// One run: what the screen does after opening the governance document and the year's meetings from the device.
function run() {
  const t0 = performance.now();
  const gov = new Y.Doc();
  Y.applyUpdate(gov, governanceUpdate);
  const register = readRegister(gov);
  const t1 = performance.now();
  const meetings: MeetingRecord[] = [];
  for (const { docId, update } of stored) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, update);
    const meeting = readMeeting(doc);
    if (meeting) meetings.push({ docId, meeting, agenda: readAgenda(doc), sheet: readSheet(doc) });
  }
  const t2 = performance.now();
  const dashboard = qualityDashboard({ register, meetings, catalogue, year: YEAR, today: '2026-12-20' });
  const annex = readAciAnnex(gov)!;
  const progress = aciProgress(annex, dashboard, (id) => readAciManualValue(gov, YEAR, id));
  const t3 = performance.now();
  return { register: t1 - t0, meetings: t2 - t1, compute: t3 - t2, total: t3 - t0, dashboard, progress };
}

run();
run();
const runs = Array.from({ length: RUNS }, run);
const last = runs.at(-1)!;
const ms = (key: 'register' | 'meetings' | 'compute' | 'total') => median(runs.map((r) => r[key])).toFixed(1);
console.log(
  `quality dashboard, ${REPORTS} reports and ${MEETINGS} concertations (setup ${(setup / 1000).toFixed(1)} s, ` +
    `governance ${(governanceUpdate.length / 1024).toFixed(0)} KB), medians of ${RUNS} runs:`,
);
console.log(`  governance decoded and register read: ${ms('register')} ms (${last.dashboard.events.total} rows)`);
console.log(`  meetings decoded and read:            ${ms('meetings')} ms`);
console.log(`  figures and ACI indicators computed:  ${ms('compute')} ms`);
console.log(`  total:                                ${ms('total')} ms (target ≤ 300 ms)`);
console.log(
  `  counted: ${last.dashboard.events.eigs} EIGS, ${last.dashboard.events.analysed} analysed, ` +
    `${last.dashboard.concertations.meetingsHeld} meetings with a validated CR, ` +
    `${last.dashboard.concertations.casesDiscussed} cases; indicators: ` +
    last.progress.map((p) => `${p.indicator.label} ${p.value ?? '—'} (${p.reached ?? 'aucun'})`).join(', '),
);

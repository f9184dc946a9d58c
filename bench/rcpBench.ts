// The fiche RCP's costs on a year of meetings (24 meetings × 10 cases over 200 coordination files): reading every
// fiche of a case, reporting a decision, the meeting's .ics; and what the meetings screen does with that year from
// the device's stored copies (the catalogue decoded and split, each meeting decoded for the year's ACI counts).
// Run: node --import tsx bench/rcpBench.ts (pnpm bench:rcp)
import 'fake-indexeddb/auto';
import * as Y from 'yjs';
import {
  WELL_KNOWN_DOCS,
  aciCounts,
  addAgendaItem,
  addRcpAction,
  createConcertation,
  createPatientCase,
  listCatalogue,
  meetingIcs,
  moveConcertationStatus,
  readAgenda,
  readMeeting,
  readSheet,
  setAgendaItemDiscussed,
  signSheet,
  upsertCatalogueEntry,
  rcpFragment,
  readRcpFiche,
  readRcpFiches,
  recordRcpDecision,
  type RcpMeeting,
} from '@maillage/shared';
import { meetingLists } from '../client/src/docs/concertation/concertationList';
import { MaillageDb } from '../client/src/store/db';
import { DocStore } from '../client/src/store/docStore';
import { readMeetingRecords } from '../client/src/docs/concertation/readMeetingRecords';
import { median, percentile } from './stats';

const OWNER = 'member-bench01';
const NOW = new Date('2027-12-31T12:00:00Z');
const MEETINGS = 24;
const CASES = 200;
const PER_MEETING = 10;

function type(doc: Y.Doc, meetingId: string, field: 'discussion' | 'proposition' | 'decision', text: string) {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  rcpFragment(doc, meetingId, field).push([p]);
}

const cases = Array.from({ length: CASES }, () => {
  const doc = new Y.Doc();
  createPatientCase(
    doc,
    { patient: { initials: 'MD', birthYear: 1941, sex: 'F', mtStatus: 'declare' }, team: [], patientInformed: true },
    OWNER,
    new Date('2027-01-01T00:00:00Z'),
  );
  return doc;
});

const record: number[] = [];
for (let m = 0; m < MEETINGS; m++) {
  const day = `2027-${String(Math.floor(m / 2) + 1).padStart(2, '0')}-${m % 2 ? '15' : '02'}`;
  for (let c = 0; c < PER_MEETING; c++) {
    const doc = cases[(m * PER_MEETING + c) % CASES]!;
    const meeting: RcpMeeting = {
      meetingId: `meeting-${String(m).padStart(4, '0')}`,
      date: day,
      status: 'tenue',
      question: 'Maintien à domicile ?',
      criterion: 'age_75',
    };
    type(doc, meeting.meetingId, 'discussion', 'Chutes répétées, isolement. '.repeat(20));
    type(doc, meeting.meetingId, 'proposition', 'Passage IDE, portage des repas. '.repeat(10));
    type(doc, meeting.meetingId, 'decision', 'Passage IDE matin et soir, réévaluation à un mois. '.repeat(5));
    addRcpAction(doc, meeting, { text: 'Organiser le passage IDE', owner: OWNER, due: '2028-01-15' });
    addRcpAction(doc, meeting, { text: 'Appeler la famille', owner: OWNER, due: null });
    const start = performance.now();
    const result = recordRcpDecision(doc, meeting, OWNER, `Décision RCP du ${day}`, NOW);
    record.push(performance.now() - start);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
  }
}

const readOne: number[] = [];
const readAll: number[] = [];
for (const doc of cases) {
  let start = performance.now();
  readRcpFiche(doc, 'meeting-0000');
  readOne.push(performance.now() - start);
  start = performance.now();
  readRcpFiches(doc);
  readAll.push(performance.now() - start);
}
const ics: number[] = [];
for (let i = 0; i < 200; i++) {
  const start = performance.now();
  meetingIcs(
    `meeting-${i}`,
    { date: '2027-03-28', start: '12:30', end: '14:00', link: '' },
    {
      summary: 'Concertation · RCP patient',
      description: 'Concertation pluriprofessionnelle.',
      location: 'Maison de santé, salle 2',
    },
  );
  ics.push(performance.now() - start);
}

const row = (name: string, values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  console.log(`${name.padEnd(44)} median ${median(values).toFixed(2)} ms  p95 ${percentile(sorted, 95).toFixed(2)} ms`);
};
row(`report a decision (${record.length})`, record);
row('read one fiche of a case', readOne);
row('read every fiche of a case (1–2 meetings)', readAll);
row('meeting .ics', ics);
const sizes = cases.map((d) => Y.encodeStateAsUpdate(d).byteLength);
console.log(`case size with its fiches: median ${median(sizes)} bytes, max ${Math.max(...sizes)} bytes`);

// The year as the meetings screen finds it on the device: each meeting and the catalogue kept as stored updates.
const PEOPLE = ['member-bench01', 'member-bench02', 'member-bench03', 'member-bench04', 'member-bench05'];
const annuaire = new Set(PEOPLE);
const catalogue = new Y.Doc();
const stamp = '2027-01-01T00:00:00.000Z';
const entry = (kind: 'concertation' | 'patientCase', title: string, status: string) => ({
  kind,
  title,
  status,
  groupId: null,
  createdAt: stamp,
  updatedAt: stamp,
  deletedAt: null,
  theme: '',
  professions: [],
  reviewDate: null,
});
for (let c = 0; c < CASES; c++)
  upsertCatalogueEntry(catalogue, `case-${String(c).padStart(6, '0')}`, {
    ...entry('patientCase', `Dossier de coordination · réf. ${c}`, 'en_cours'),
    restrictedTo: [OWNER],
  });
const stored: Uint8Array[] = [];
for (let m = 0; m < MEETINGS; m++) {
  const day = `2027-${String(Math.floor(m / 2) + 1).padStart(2, '0')}-${m % 2 ? '15' : '02'}`;
  const doc = new Y.Doc();
  const [animateur, ...others] = PEOPLE;
  createConcertation(
    doc,
    {
      type: 'rcp_patient',
      date: day,
      start: '12:30',
      end: '14:00',
      modality: 'presentiel',
      place: 'MSP',
      coordonnateur: animateur!,
      animateur: animateur!,
      participants: others,
    },
    animateur!,
    annuaire,
  );
  for (let c = 0; c < PER_MEETING; c++)
    addAgendaItem(
      doc,
      {
        caseId: `case-${String((m * PER_MEETING + c) % CASES).padStart(6, '0')}`,
        label: `Dossier de coordination · réf. ${c}`,
        presenter: PEOPLE[c % PEOPLE.length]!,
        question: 'Maintien à domicile ?',
        criterion: (['age_75', 'ald', 'polymedication', 'complexe'] as const)[c % 4],
        minutes: 10,
      },
      annuaire,
    );
  for (const item of readAgenda(doc)) setAgendaItemDiscussed(doc, item.id, true);
  for (const [i, id] of PEOPLE.entries())
    signSheet(doc, { memberId: id, name: `Personne ${i}`, profession: i % 2 ? 'infirmier' : 'medecin_generaliste' });
  moveConcertationStatus(doc, 'tenue', animateur!);
  moveConcertationStatus(doc, 'validee', animateur!);
  stored.push(Y.encodeStateAsUpdate(doc));
  upsertCatalogueEntry(catalogue, `meeting-${String(m).padStart(6, '0')}`, {
    ...entry('concertation', `Concertation · RCP patient · ${day}`, 'validee'),
    meetingDate: day,
    meetingStart: '12:30',
  });
}
const storedCatalogue = Y.encodeStateAsUpdate(catalogue);

// Stored as the device stores them, read back as the meetings screen and useAciCounts do (DocStore over IndexedDB;
// here fake-indexeddb in Node).
const WS = 'ws-bench-rcp';
const db = new MaillageDb(`bench-rcp-${Date.now()}`);
const store = new DocStore(db);
const meetingIds = stored.map((_, m) => `meeting-${String(m).padStart(6, '0')}`);
await db.updates.add({ workspaceId: WS, docId: WELL_KNOWN_DOCS.catalogue, data: storedCatalogue });
for (const [m, data] of stored.entries()) await db.updates.add({ workspaceId: WS, docId: meetingIds[m]!, data });

const counts: number[] = [];
const screen: number[] = [];
// CPU time too: on a shared machine the wall clock also counts the time other processes had the cores.
const screenCpu: number[] = [];
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};
let held = 0;
let listedCount = 0;
for (let run = 0; run < 30; run++) {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const decoded = await store.acquire(WS, WELL_KNOWN_DOCS.catalogue);
  const items = listCatalogue(decoded);
  const lists = meetingLists(items, '2027-06-01', null, 'date');
  const listed = performance.now();
  held = aciCounts(await readMeetingRecords(store, WS, meetingIds), 2027).meetingsHeld;
  listedCount = lists.past.length + lists.upcoming.length;
  const end = performance.now();
  await store.release(WS, WELL_KNOWN_DOCS.catalogue);
  counts.push(end - listed);
  screen.push(end - start);
  screenCpu.push(cpuMs(cpu));
}
// The same counts with the meetings decoded from bytes already in memory: what IndexedDB adds is the difference.
const decodeOnly: number[] = [];
const decodeCpu: number[] = [];
for (let run = 0; run < 30; run++) {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const records = stored.map((update, m) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, update);
    return { docId: meetingIds[m]!, meeting: readMeeting(doc)!, agenda: readAgenda(doc), sheet: readSheet(doc) };
  });
  aciCounts(records, 2027);
  decodeOnly.push(performance.now() - start);
  decodeCpu.push(cpuMs(cpu));
}
row(`year's ACI counts, ${MEETINGS} meetings from IndexedDB (≤ 50)`, counts);
row(`  of which decoding and reading (no IndexedDB)`, decodeOnly);
row(`  decoding and reading, CPU time`, decodeCpu);
row(`meetings screen: catalogue, lists and counts (≤ 150)`, screen);
row(`  the same, CPU time of this process`, screenCpu);
console.log(
  `  ${listedCount} meetings listed, ${held} held with a validated CR; catalogue ${storedCatalogue.byteLength} bytes`,
);

// The fiche RCP's costs on a year of meetings (24 meetings × 10 cases over 200 coordination files): reading every
// fiche of a case, reporting a decision, the meeting's .ics. Run: node --import tsx bench/rcpBench.ts
import * as Y from 'yjs';
import {
  addRcpAction,
  createPatientCase,
  meetingIcs,
  rcpFragment,
  readRcpFiche,
  readRcpFiches,
  recordRcpDecision,
  type RcpMeeting,
} from '@maillage/shared';
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

// What decision 0039 adds, on a meeting of 10 cases: the relay's rule on a meeting's room (a write to an open meeting,
// a refused write to a validated one, the animateur's lock), each with the integration the room does before it; the
// series' next occurrence and the agenda's warnings; switching the case « en séance ».
// Run: node --import tsx bench/rcpLiveBench.ts
import * as Y from 'yjs';
import {
  addAgendaItem,
  agendaWarnings,
  createConcertation,
  moveConcertationStatus,
  nextOccurrence,
  readAgenda,
  setAgendaItemDiscussed,
  setSessionCase,
} from '@maillage/shared';
import { refusedByValidatedMinutes } from '../relay/src/lockedMinutes';
import type { Room } from '../relay/src/room';
import { median, percentile } from './stats';

const CLAIRE = 'member-claire';
const DENIS = 'member-denis1';
const annuaire = new Set([CLAIRE, DENIS]);
const RUNS = 500;

function meeting(): Y.Doc {
  const doc = new Y.Doc();
  createConcertation(
    doc,
    {
      type: 'rcp_patient',
      date: '2027-01-05',
      start: '12:30',
      end: '14:00',
      modality: 'presentiel',
      place: 'MSP',
      coordonnateur: CLAIRE,
      animateur: CLAIRE,
      participants: [DENIS],
    },
    CLAIRE,
    annuaire,
  );
  for (let i = 0; i < 10; i++)
    addAgendaItem(
      doc,
      {
        caseId: `case-${String(i).padStart(6, '0')}`,
        label: `réf. ${i}`,
        presenter: DENIS,
        question: 'Suite ?',
        criterion: 'ald',
        minutes: 10,
      },
      annuaire,
    );
  return doc;
}

/** The update `edit` makes on a copy of `doc`. */
function updateOf(doc: Y.Doc, edit: (copy: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(copy);
  edit(copy);
  return Y.encodeStateAsUpdate(copy, before);
}

/** Times the relay's rule as the room runs it: the update integrated into the room's doc, then the rule read. */
function timeRule(label: string, base: () => Y.Doc, edit: (copy: Y.Doc) => void, memberId: string, expect: boolean) {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const doc = base();
    const update = updateOf(doc, edit);
    // A fresh room each run, its doc built: the rule reads it (a room never built is judged on its bytes first).
    const room = { storedHolds: () => null } as unknown as Room;
    const start = performance.now();
    const refused = refusedByValidatedMinutes(room, update, memberId, (inspect) => inspect(doc));
    if (!refused) Y.applyUpdate(doc, update);
    times.push(performance.now() - start);
    if (refused !== expect) throw new Error(`${label}: refused ${refused}`);
  }
  times.sort((a, b) => a - b);
  console.log(`${label}: median ${median(times).toFixed(3)} ms, p95 ${percentile(times, 95).toFixed(3)} ms`);
}

const open = meeting();
const validated = meeting();
moveConcertationStatus(validated, 'tenue', CLAIRE);
moveConcertationStatus(validated, 'validee', CLAIRE);
const firstItem = readAgenda(open)[0]!.id;
timeRule(
  'open meeting, a case ticked',
  () => open,
  (d) => setAgendaItemDiscussed(d, firstItem, true),
  DENIS,
  false,
);
timeRule(
  'validated meeting, a tampered write refused',
  () => validated,
  (d) => d.getMap('meeting').set('status', 'tenue'),
  DENIS,
  true,
);
timeRule(
  'validated meeting, the animateur’s lock taken',
  () => {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(validated));
    return copy;
  },
  (d) => moveConcertationStatus(d, 'verrouillee', CLAIRE),
  CLAIRE,
  false,
);

const series: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const start = performance.now();
  nextOccurrence({ freq: 'monthly', weekday: 'TU', rank: 1 }, '2027-01-05');
  agendaWarnings(readAgenda(open), { minutesPerCase: 15, maxCases: 8 }, { start: '12:30', end: '14:00' });
  series.push(performance.now() - start);
}
console.log(`next occurrence + agenda warnings (10 cases): median ${median(series).toFixed(3)} ms`);

const switches: number[] = [];
const items = readAgenda(open).map((i) => i.id);
for (let i = 0; i < RUNS; i++) {
  const start = performance.now();
  setSessionCase(open, items[i % items.length]!, CLAIRE);
  switches.push(performance.now() - start);
}
console.log(`switching the case en séance (local write): median ${median(switches).toFixed(3)} ms`);

// A room never built, judged on its stored bytes: a protocol's history of about a megabyte, looked through once.
const big = new Y.Doc();
big.getMap('meta').set('kind', 'protocol');
for (let i = 0; i < 2000; i++)
  big.getText('body').insert(0, 'Conduite à tenir devant une chute de la personne âgée. '.repeat(10));
const history = Y.encodeStateAsUpdate(big);
const needle = new TextEncoder().encode('concertation');
const scans: number[] = [];
for (let i = 0; i < 50; i++) {
  const start = performance.now();
  Buffer.from(history.buffer, history.byteOffset, history.byteLength).indexOf(needle);
  scans.push(performance.now() - start);
}
console.log(
  `a room's stored bytes looked through (${(history.byteLength / 1e6).toFixed(1)} MB): median ${median(scans).toFixed(3)} ms`,
);

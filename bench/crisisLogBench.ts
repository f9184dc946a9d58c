// `pnpm bench:crisis-log`: opening a main courante of --entries (default 2,000) from 30 authors (one Yjs client each),
// with 200 marks and 450 answers, as the activation screen does: the stored update applied to a fresh doc, then the
// activation, the answers and the entries read, then the first page the screen draws. Medians of --runs after two
// warm-up runs, each in a fresh doc (an entry's first read is the costly one): every entry read and checked (as
// before), then the order read lightly and the latest page checked (as the screen does now).
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { latestEntries, logHandover, readAcks, readActivation, readEntries, readEntryLog } from '@maillage/shared';
import { mainCouranteDoc } from './crisisSeed';
import { median } from './stats';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: { entries: { type: 'string', default: '2000' }, runs: { type: 'string', default: '15' } },
});
const ENTRIES = Number(values.entries);
const RUNS = Number(values.runs);
const { doc: root } = mainCouranteDoc(ENTRIES);
const stored = Y.encodeStateAsUpdate(root);

const runs: { apply: number; read: number; total: number; page: number; handover: number }[] = [];
for (let run = 0; run < RUNS + 2; run++) {
  const t0 = performance.now();
  const doc = new Y.Doc();
  Y.applyUpdate(doc, stored);
  const t1 = performance.now();
  readActivation(doc);
  readAcks(doc);
  const entries = readEntries(doc);
  if (entries.length !== ENTRIES) throw new Error(`read ${entries.length} entries`);
  const t2 = performance.now();
  // What the screen reads since: the order from a light look, then the latest page checked.
  const fresh = new Y.Doc();
  Y.applyUpdate(fresh, stored);
  const t3 = performance.now();
  readActivation(fresh);
  readAcks(fresh);
  const log = readEntryLog(fresh);
  if (latestEntries(fresh, log, 50).length !== 50) throw new Error('page');
  const t4 = performance.now();
  logHandover(fresh, log, '2000-01-01T00:00:00.000Z');
  const t5 = performance.now();
  if (run >= 2) runs.push({ apply: t1 - t0, read: t2 - t1, total: t2 - t0, page: t4 - t3, handover: t5 - t4 });
  doc.destroy();
  fresh.destroy();
}
const ms = (xs: number[]) =>
  `${median(xs).toFixed(1)} ms (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)})`;
console.log(`main courante of ${ENTRIES} entries, ${(stored.byteLength / 1024).toFixed(0)} KB, ${RUNS} runs`);
console.log(`  apply the stored update: ${ms(runs.map((r) => r.apply))}`);
console.log(`  read activation, answers, entries: ${ms(runs.map((r) => r.read))}`);
console.log(`  total: ${ms(runs.map((r) => r.total))}`);
console.log(`  read activation, answers, the log's order and its latest 50 entries: ${ms(runs.map((r) => r.page))}`);
console.log(`  then the handover (every entry à vérifier, every decision): ${ms(runs.map((r) => r.handover))}`);

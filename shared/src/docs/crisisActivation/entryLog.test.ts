import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { activateCrisis, appendEntry, markEntry, readEntries } from './layout';
import { handoverSummary } from './board';
import { latestEntries, logHandover, readEntryLog } from './entryLog';
import type { CrisisActor } from './schema';

const claire: CrisisActor = { memberId: 'member-claire', role: 'coordinator' };
const denis: CrisisActor = { memberId: 'member-denis1', role: 'member' };
const NOW = new Date('2027-07-20T14:00:00.000Z');
const minute = (n: number) => new Date(NOW.getTime() - (100 - n) * 60_000).toISOString();

function log(): Y.Doc {
  const doc = new Y.Doc();
  activateCrisis(
    doc,
    { typology: 'malades_fragiles', authority: 'prefet', qualifiedAt: minute(0) },
    claire,
    false,
    NOW,
  );
  // Appended out of time order, as entries written offline arrive.
  for (const n of [30, 10, 50, 20, 40, 60]) {
    const r = appendEntry(
      doc,
      { text: `à ${n}`, kind: n % 20 === 0 ? 'decision' : 'information', at: minute(n) },
      n % 20 ? denis : claire,
      NOW,
    );
    if (!r.ok) throw new Error('append');
  }
  return doc;
}

describe('the main courante read for a screen', () => {
  it('orders every entry as readEntries does, and reads the latest page only', () => {
    const doc = log();
    const entryLog = readEntryLog(doc);
    expect(entryLog.order.map((r) => r.id)).toEqual(readEntries(doc).map((e) => e.id));
    expect(latestEntries(doc, entryLog, 2).map((e) => e.text)).toEqual(['à 50', 'à 60']);
    expect(latestEntries(doc, entryLog, 100)).toEqual(readEntries(doc));
  });

  it('keeps corrections and marks on the entries it reads', () => {
    const doc = log();
    const first = readEntries(doc)[0]!;
    const fix = appendEntry(doc, { text: 'à 10, corrigé', kind: 'information', corrects: first.id }, denis, NOW);
    if (!fix.ok) throw new Error('fix');
    markEntry(doc, first.id, 'a_verifier', denis, NOW);
    const read = latestEntries(doc, readEntryLog(doc), 100);
    expect(read).toEqual(readEntries(doc));
    expect(read.find((e) => e.id === first.id)).toMatchObject({
      correctedBy: [fix.value.id],
      check: { state: 'a_verifier' },
    });
  });

  it('leaves out a value that is not an entry, in the order and on the page', () => {
    const doc = log();
    doc.getMap('entries').set('not-an-entry', { at: 'hier', text: 12 });
    doc.getMap('entries').set('bad-entry-1', { at: minute(70), text: 12, kind: 'information', author: 'x' });
    const entryLog = readEntryLog(doc);
    expect(entryLog.order.map((r) => r.id)).not.toContain('not-an-entry');
    expect(latestEntries(doc, entryLog, 100)).toEqual(readEntries(doc));
  });

  it('hands over the same open points as the summary over every entry', () => {
    const doc = log();
    const entries = readEntries(doc);
    markEntry(doc, entries[1]!.id, 'a_verifier', denis, NOW);
    markEntry(doc, entries[2]!.id, 'a_verifier', denis, NOW);
    markEntry(doc, entries[2]!.id, 'verifie', claire, NOW);
    for (const since of [minute(0), minute(35)])
      expect(logHandover(doc, readEntryLog(doc), since)).toEqual(handoverSummary(readEntries(doc), since));
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { addRow, moveRow, readRows, removeRow, replaceRows, rowText, setRowChoice } from './rows';
import { INDICATORS, REFERENCES, STEPS } from './tables';
import { exchange, replica } from './testing';

describe('protocol tables', () => {
  it('adds steps in order, at the end or at a place', () => {
    const doc = new Y.Doc({ gc: false });
    addRow(doc, STEPS, { quoi: 'Repérage' });
    addRow(doc, STEPS, { quoi: 'Bilan' });
    addRow(doc, STEPS, { quoi: 'Orientation' }, 1);
    expect(readRows(doc, STEPS).map((r) => r.texts.quoi)).toEqual(['Repérage', 'Orientation', 'Bilan']);
  });

  it('merges two people typing in the same cell and in different rows at once', () => {
    const a = new Y.Doc({ gc: false });
    const first = addRow(a, STEPS, { quoi: 'Bilan' });
    if (!first.ok) throw new Error('row');
    const b = replica(a);
    rowText(a, STEPS, first.id, 'quoi')!.insert(5, ' infirmier');
    rowText(b, STEPS, first.id, 'quoi')!.insert(0, 'Premier ');
    addRow(b, STEPS, { qui: 'Pharmacien·ne' });
    exchange(a, b);
    expect(readRows(a, STEPS)).toEqual(readRows(b, STEPS));
    expect(readRows(a, STEPS).map((r) => r.texts.quoi)).toEqual(['Premier Bilan infirmier', '']);
  });

  it('keeps an edit made in a row another person moves at the same time', () => {
    const a = new Y.Doc({ gc: false });
    const ids = ['1', '2', '3'].map((n) => addRow(a, STEPS, { quoi: `Étape ${n}` })).map((r) => (r.ok ? r.id : ''));
    const b = replica(a);
    moveRow(a, STEPS, ids[2]!, 0);
    rowText(b, STEPS, ids[2]!, 'delai')!.insert(0, 'J+7');
    exchange(a, b);
    const rows = readRows(b, STEPS);
    expect(rows.map((r) => r.texts.quoi)).toEqual(['Étape 3', 'Étape 1', 'Étape 2']);
    expect(rows[0]!.texts.delai).toBe('J+7');
    expect(readRows(a, STEPS)).toEqual(rows);
  });

  it('refuses an unknown choice, a row past the limit or a too long cell, and writes nothing', () => {
    const doc = new Y.Doc({ gc: false });
    const ref = addRow(doc, REFERENCES, { source: 'HAS 2015', type: 'litterature' });
    if (!ref.ok) throw new Error('row');
    const before = Y.encodeStateVector(doc);
    expect(setRowChoice(doc, REFERENCES, ref.id, 'type', 'rumeur')).toBe('errors.choice');
    expect(addRow(doc, INDICATORS, { type: 'opinion' })).toEqual({ ok: false, error: 'errors.choice' });
    expect(addRow(doc, INDICATORS, { libelle: 'x'.repeat(501) })).toEqual({ ok: false, error: 'errors.tooLong' });
    expect(Y.encodeStateVector(doc)).toEqual(before);
    for (let i = 0; i < INDICATORS.maxRows; i++) addRow(doc, INDICATORS);
    expect(addRow(doc, INDICATORS)).toEqual({ ok: false, error: 'errors.tooManyRows' });
    expect(readRows(doc, REFERENCES)[0]!.choices.type).toBe('litterature');
  });

  it('removes a row and copies a whole table into another document', () => {
    const a = new Y.Doc({ gc: false });
    const kept = addRow(a, REFERENCES, { source: 'Reco HAS plaies', type: 'reco_has' });
    const gone = addRow(a, REFERENCES, { source: 'Brouillon' });
    if (!gone.ok || !kept.ok) throw new Error('row');
    removeRow(a, REFERENCES, gone.id);
    const b = new Y.Doc({ gc: false });
    addRow(b, REFERENCES, { source: 'remplacée' });
    replaceRows(a, b, REFERENCES);
    expect(readRows(b, REFERENCES).map((r) => [r.texts.source, r.choices.type])).toEqual([
      ['Reco HAS plaies', 'reco_has'],
    ]);
  });

  it('keeps adding and moving rows after two people added rows at the same place at once (property)', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), at: fc.nat(6), replica: fc.nat(1) }),
      fc.record({ kind: fc.constant('move' as const), from: fc.nat(6), to: fc.nat(6), replica: fc.nat(1) }),
      fc.record({ kind: fc.constant('sync' as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        const docs = [new Y.Doc({ gc: false }), new Y.Doc({ gc: false })] as const;
        let n = 0;
        for (const o of ops) {
          if (o.kind === 'sync') exchange(docs[0], docs[1]);
          else if (o.kind === 'add')
            expect(addRow(docs[o.replica as 0 | 1], STEPS, { quoi: `r${n++}` }, o.at).ok).toBe(true);
          else {
            const doc = docs[o.replica as 0 | 1];
            const rows = readRows(doc, STEPS);
            if (rows.length === 0) continue;
            const moved = rows[o.from % rows.length]!;
            moveRow(doc, STEPS, moved.id, o.to % rows.length);
            expect(
              readRows(doc, STEPS)
                .map((r) => r.id)
                .indexOf(moved.id),
            ).toBeGreaterThanOrEqual(0);
          }
        }
        exchange(docs[0], docs[1]);
        expect(readRows(docs[0], STEPS)).toEqual(readRows(docs[1], STEPS));
        expect(readRows(docs[0], STEPS)).toHaveLength(n);
      }),
    );
  });

  it('puts a row after two rows that share a key, instead of failing', () => {
    const a = new Y.Doc({ gc: false });
    addRow(a, STEPS, { quoi: 'Avant' });
    const b = replica(a);
    addRow(a, STEPS, { quoi: 'A' });
    addRow(b, STEPS, { quoi: 'B' });
    exchange(a, b);
    const before = readRows(a, STEPS);
    expect(addRow(a, STEPS, { quoi: 'Après' }, 2).ok).toBe(true);
    moveRow(a, STEPS, before[0]!.id, 2);
    expect(readRows(a, STEPS).map((r) => r.texts.quoi)).toHaveLength(4);
  });
});

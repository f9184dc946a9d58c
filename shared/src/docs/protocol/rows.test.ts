import { describe, expect, it } from 'vitest';
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
    expect(readRows(b, REFERENCES).map((r) => [r.texts.source, r.choices.type])).toEqual([['Reco HAS plaies', 'reco_has']]);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { Room } from './room';
import { MalformedMessage } from './protocol';

/** A history of updates that inserts, snapshots, then deletes: a version only deleted content can rebuild. */
function historyWithDeletion(): { updates: Uint8Array[]; snapshot: Y.Snapshot } {
  const doc = new Y.Doc({ gc: false });
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  doc.getText('body').insert(0, 'Version 1 du protocole');
  doc.getMap('header').set('status', 'brouillon');
  const snapshot = Y.snapshot(doc);
  doc.getText('body').delete(0, 10);
  doc.getMap('header').set('status', 'validé');
  return { updates, snapshot };
}

const roomOf = (history: Uint8Array[]) => new Room('ws/doc', history, () => {}, 1 << 20);
const docFrom = (...updates: Uint8Array[]) => {
  const doc = new Y.Doc({ gc: false });
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
};
const EMPTY = new Uint8Array([0]);

describe('room loaded from disk', () => {
  it('answers sync from its stored history as a document would, deleted content included', () => {
    const { updates, snapshot } = historyWithDeletion();
    const room = roomOf(updates);
    const reference = docFrom(...updates);

    expect(room.stateVector()).toEqual(Y.encodeStateVector(reference));
    expect(room.missingFrom(EMPTY)).toEqual(Y.mergeUpdates(updates));
    const newcomer = docFrom(room.missingFrom(EMPTY));
    expect(newcomer.getText('body').toString()).toBe('du protocole');
    expect(Y.createDocFromSnapshot(newcomer, snapshot).getText('body').toString()).toBe('Version 1 du protocole');
    // A client that has part of the history gets the rest.
    const partial = docFrom(updates[0]!);
    Y.applyUpdate(partial, room.missingFrom(Y.encodeStateVector(partial)));
    expect(partial.getText('body').toString()).toBe('du protocole');
    expect(partial.getMap('header').get('status')).toBe('validé');
  });

  it('compacts to its merged history', () => {
    const { updates } = historyWithDeletion();
    expect(roomOf(updates).fullState()).toEqual(Y.mergeUpdates(updates));
  });
});

describe("a report's room (purging)", () => {
  const purging = (history: Uint8Array[]) =>
    new Room(
      'ws/doc',
      history,
      () => {},
      1 << 20,
      () => {},
      true,
    );
  const holds = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(Buffer.from(text));

  it('serves and compacts its live content and none of what was deleted, loaded or received', () => {
    const { updates } = historyWithDeletion();
    expect(holds(Y.mergeUpdates(updates), 'Version 1')).toBe(true);
    for (const room of [purging(updates), purging([])]) {
      if (room.stateVector().length === 1) for (const update of updates) room.apply(update);
      for (const bytes of [room.missingFrom(EMPTY), room.missingFrom(Y.encodeStateVector(docFrom(updates[0]!)))])
        expect(holds(bytes, 'Version 1')).toBe(false);
      expect(docFrom(room.missingFrom(EMPTY)).getText('body').toString()).toBe('du protocole');
      expect(holds(room.fullState(), 'Version 1')).toBe(false);
    }
  });

  it("starts purging with what it holds when its list becomes a report's while in memory", () => {
    const room = roomOf(historyWithDeletion().updates);
    expect(holds(room.missingFrom(EMPTY), 'Version 1')).toBe(true);
    room.stateVector();
    room.startPurging();
    expect(holds(room.missingFrom(EMPTY), 'Version 1')).toBe(false);
    expect(docFrom(room.missingFrom(EMPTY)).getText('body').toString()).toBe('du protocole');
  });

  it('starts purging when its list comes after it was loaded empty', () => {
    const room = roomOf([]);
    expect(room.purges).toBe(false);
    room.stateVector();
    room.startPurging();
    for (const update of historyWithDeletion().updates) room.apply(update);
    expect(holds(room.missingFrom(EMPTY), 'Version 1')).toBe(false);
  });
});

/** Three writers editing one document concurrently, as a list of their updates in the order the relay gets them. */
const edit = fc.record({
  writer: fc.integer({ min: 0, max: 2 }),
  kind: fc.constantFrom('insert', 'delete', 'set'),
  at: fc.nat(),
  text: fc.string({ minLength: 1, maxLength: 4 }),
  // Whether the writer first receives what the others wrote (otherwise its edit is concurrent with theirs).
  catchUp: fc.boolean(),
});

interface Edit {
  writer: number;
  kind: string;
  at: number;
  text: string;
  catchUp: boolean;
}

function concurrentUpdates(edits: Edit[]): Uint8Array[] {
  const writers = [0, 1, 2].map(() => new Y.Doc({ gc: false }));
  const sent: Uint8Array[] = [];
  const seen = writers.map(() => 0);
  for (const { writer, kind, at, text, catchUp } of edits) {
    const doc = writers[writer]!;
    if (catchUp) {
      for (const update of sent.slice(seen[writer])) Y.applyUpdate(doc, update);
      seen[writer] = sent.length;
    }
    let update: Uint8Array | null = null;
    const take = (u: Uint8Array) => (update = u);
    doc.once('update', take);
    const body = doc.getText('body');
    if (kind === 'insert') body.insert(at % (body.length + 1), text);
    else if (kind === 'delete' && body.length > 0) body.delete(at % body.length, 1 + (at % 3));
    else doc.getMap('header').set(text, at);
    doc.off('update', take);
    if (update) sent.push(update);
  }
  return sent;
}

describe('room receiving updates', () => {
  it('answers exactly as a document holding every update would, however many arrive between two reads', () => {
    fc.assert(
      fc.property(
        fc.array(edit, { minLength: 1, maxLength: 120 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.nat(40),
        (edits, readsAt, stored) => {
          const updates = concurrentUpdates(edits);
          const room = roomOf(updates.slice(0, stored));
          const reference = docFrom(...updates.slice(0, stored));
          updates.slice(stored).forEach((update, i) => {
            room.apply(update);
            Y.applyUpdate(reference, update);
            if (readsAt.includes(i)) expect(room.stateVector()).toEqual(Y.encodeStateVector(reference));
          });
          expect(room.stateVector()).toEqual(Y.encodeStateVector(reference));
          const newcomer = docFrom(room.missingFrom(EMPTY));
          expect(newcomer.getText('body').toString()).toBe(reference.getText('body').toString());
          expect(newcomer.getMap('header').toJSON()).toEqual(reference.getMap('header').toJSON());
          // Every byte kept: the newcomer's document is the reference's, deleted content included.
          expect(Y.encodeStateAsUpdate(newcomer)).toEqual(Y.encodeStateAsUpdate(reference));
          // A client holding the first half gets exactly the rest.
          const half = docFrom(...updates.slice(0, updates.length >> 1));
          Y.applyUpdate(half, room.missingFrom(Y.encodeStateVector(half)));
          expect(half.getText('body').toString()).toBe(reference.getText('body').toString());
        },
      ),
      { numRuns: 150 },
    );
  });

  it('refuses an update Yjs cannot read, and adds nothing', () => {
    const { updates } = historyWithDeletion();
    const room = roomOf(updates);
    const before = room.fullState();
    expect(() => room.apply(new Uint8Array([5, 200, 1, 2, 3]))).toThrow(MalformedMessage);
    expect(room.fullState()).toEqual(before);
  });

  it('refuses an update that reads fine but that Yjs would refuse to integrate (a deleted range of length 0)', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'ab');
    const sv = Y.encodeStateVector(doc);
    doc.getText('t').delete(0, 1);
    const deletion = Y.encodeStateAsUpdate(doc, sv);
    // The update is [0 clients of structs, 1 client of deletions, client id, 1 range, clock 0, len 1]: len → 0.
    const zeroLength = deletion.slice();
    zeroLength[zeroLength.length - 1] = 0;
    expect(Y.decodeUpdate(zeroLength).ds.clients.size).toBe(1);
    expect(() => docFrom(Y.encodeStateAsUpdate(new Y.Doc()), zeroLength)).toThrow();

    const room = roomOf([]);
    expect(() => room.apply(zeroLength)).toThrow('empty deleted range');
    room.apply(deletion);
  });

  it('accepts no mutated update that a newcomer could then not load', () => {
    const { updates } = historyWithDeletion();
    const samples = [
      ...updates,
      ...concurrentUpdates([
        { writer: 0, kind: 'insert', at: 0, text: 'abc', catchUp: false },
        { writer: 1, kind: 'insert', at: 0, text: 'xy', catchUp: false },
        { writer: 1, kind: 'delete', at: 1, text: '', catchUp: true },
      ]),
    ];
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.nat(samples.length - 1),
        fc.array(fc.tuple(fc.nat(), fc.nat(255)), { minLength: 1, maxLength: 3 }),
        fc.nat(),
        (which, flips, cut) => {
          const update = samples[which]!.slice();
          for (const [at, value] of flips) update[at % update.length] = value;
          const mutated = update.slice(0, 1 + (cut % update.length));
          const room = roomOf(updates);
          try {
            room.apply(mutated);
          } catch (err) {
            expect(err).toBeInstanceOf(MalformedMessage);
            return;
          }
          accepted++;
          expect(() => docFrom(room.missingFrom(EMPTY))).not.toThrow();
        },
      ),
      { numRuns: 4000 },
    );
    // Some mutations must be accepted, or the property says nothing.
    expect(accepted).toBeGreaterThan(10);
  });
});

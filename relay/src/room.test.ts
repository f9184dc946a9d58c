import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Room } from './room';

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
const docFrom = (update: Uint8Array) => {
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, update);
  return doc;
};
const EMPTY = new Uint8Array([0]);

describe('room loaded from disk', () => {
  it('answers sync from its stored history as a built doc would, deleted content included', () => {
    const { updates, snapshot } = historyWithDeletion();
    const room = roomOf(updates);
    const reference = docFrom(Y.mergeUpdates(updates));

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

  it('builds its doc on the first write and keeps answering with everything', () => {
    const { updates } = historyWithDeletion();
    const room = roomOf(updates);
    const writer = docFrom(Y.mergeUpdates(updates));
    let update: Uint8Array | null = null;
    writer.on('update', (u: Uint8Array) => (update = u));
    writer.getText('body').insert(0, 'Relu : ');
    room.apply(update!, null);

    expect(room.stateVector()).toEqual(Y.encodeStateVector(writer));
    expect(docFrom(room.missingFrom(EMPTY)).getText('body').toString()).toBe('Relu : du protocole');
    expect(docFrom(room.fullState()).getText('body').toString()).toBe('Relu : du protocole');
  });

  it('refuses an update Yjs cannot read, built or not', () => {
    const room = roomOf(historyWithDeletion().updates);
    expect(() => room.apply(new Uint8Array([5, 200, 1, 2, 3]), null)).toThrow();
    expect(() => room.apply(new Uint8Array([5, 200, 1, 2, 3]), null)).toThrow();
  });

  it('compacts an unbuilt room to its merged history', () => {
    const { updates } = historyWithDeletion();
    expect(roomOf(updates).fullState()).toEqual(Y.mergeUpdates(updates));
  });
});

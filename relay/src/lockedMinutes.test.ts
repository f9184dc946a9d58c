import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { refusedByValidatedMinutes } from './lockedMinutes';
import type { Room } from './room';

const ANIMATEUR = 'member-claire';

function meetingDoc(status: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getMap('meta').set('kind', 'concertation');
  const meeting = doc.getMap('meeting');
  meeting.set('animateur', ANIMATEUR);
  meeting.set('status', status);
  doc.getMap('agenda').set('item-1', 'x');
  return doc;
}

const updateOf = (doc: Y.Doc, edit: (copy: Y.Doc) => void): Uint8Array => {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(copy);
  edit(copy);
  return Y.encodeStateAsUpdate(copy, before);
};

/** A room as the rule sees it: its stored bytes looked at first, its doc read only when needed. */
function room(doc: Y.Doc, built: boolean) {
  const stored = Y.encodeStateAsUpdate(doc);
  const reads = { count: 0 };
  const fake = {
    storedHolds: (needle: Uint8Array) => (built ? null : Buffer.from(stored).indexOf(needle) >= 0),
  } as unknown as Room;
  const read = <T>(inspect: (d: Y.Doc) => T): T => {
    reads.count++;
    return inspect(doc);
  };
  return { fake, read, reads };
}

describe('a validated meeting’s room', () => {
  it('refuses every write but the animateur’s lock', () => {
    const doc = meetingDoc('validee');
    const { fake, read } = room(doc, true);
    const tick = updateOf(doc, (d) => d.getMap('agenda').set('item-1', 'y'));
    expect(refusedByValidatedMinutes(fake, tick, ANIMATEUR, read)).toBe(true);
    const lock = updateOf(doc, (d) => d.getMap('meeting').set('status', 'verrouillee'));
    expect(refusedByValidatedMinutes(fake, lock, 'member-denis1', read)).toBe(true);
    expect(refusedByValidatedMinutes(fake, lock, ANIMATEUR, read)).toBe(false);
    const lockAndMore = updateOf(doc, (d) => {
      d.getMap('meeting').set('status', 'verrouillee');
      d.getMap('agenda').set('item-2', 'z');
    });
    expect(refusedByValidatedMinutes(fake, lockAndMore, ANIMATEUR, read)).toBe(true);
  });

  it('takes an open meeting’s writes', () => {
    const doc = meetingDoc('tenue');
    const { fake, read } = room(doc, true);
    expect(
      refusedByValidatedMinutes(
        fake,
        updateOf(doc, (d) => d.getMap('agenda').set('a', 1)),
        null,
        read,
      ),
    ).toBe(false);
  });

  it('never builds a room whose bytes never held a meeting’s kind, and reads a case only once', () => {
    const protocol = new Y.Doc();
    protocol.getMap('meta').set('kind', 'protocol');
    const plain = room(protocol, false);
    const edit = updateOf(protocol, (d) => d.getText('body').insert(0, 'texte'));
    expect(refusedByValidatedMinutes(plain.fake, edit, null, plain.read)).toBe(false);
    expect(refusedByValidatedMinutes(plain.fake, edit, null, plain.read)).toBe(false);
    expect(plain.reads.count).toBe(0);
    // A case that mentions the word is read once, found not to be a meeting, and never read for it again.
    const patientCase = new Y.Doc();
    patientCase.getMap('meta').set('kind', 'patientCase');
    patientCase.getText('note').insert(0, 'vu en concertation');
    const mentioned = room(patientCase, false);
    const note = updateOf(patientCase, (d) => d.getText('note').insert(0, 'concertation '));
    expect(refusedByValidatedMinutes(mentioned.fake, note, null, mentioned.read)).toBe(false);
    expect(refusedByValidatedMinutes(mentioned.fake, note, null, mentioned.read)).toBe(false);
    expect(mentioned.reads.count).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isOwnAcknowledgement } from './observerAck';

const ME = 'member-obs001';
const answer = { answer: 'disponible', at: '2027-07-20T14:00:00.000Z' };

/** The update a change makes to a document that already holds `base`'s state. */
function change(edit: (doc: Y.Doc) => void, base?: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  base?.(doc);
  const before = Y.encodeStateVector(doc);
  edit(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

describe('an observer writes only their own acknowledgement', () => {
  it('accepts new keys of acks named after them', () => {
    expect(
      isOwnAcknowledgement(
        change((d) => d.getMap('acks').set(`${ME}:abcdefgh1`, answer)),
        ME,
      ),
    ).toBe(true);
    const twice = change((d) => {
      d.getMap('acks').set(`${ME}:abcdefgh1`, answer);
      d.getMap('acks').set(`${ME}:abcdefgh2`, answer);
    });
    expect(isOwnAcknowledgement(twice, ME)).toBe(true);
  });

  it.each([
    ['another member’s key', (d: Y.Doc) => d.getMap('acks').set('member-denis1:abcdefgh1', answer)],
    ['a key that is only their id', (d: Y.Doc) => d.getMap('acks').set(ME, answer)],
    ['a main courante entry', (d: Y.Doc) => d.getMap('entries').set('entry-000001', { text: 'x' })],
    ['the activation', (d: Y.Doc) => d.getMap('activation').set('deactivatedAt', '2027-07-20T15:00:00.000Z')],
    ['a nested type', (d: Y.Doc) => d.getMap('acks').set(`${ME}:abcdefgh1`, new Y.Map())],
    ['text', (d: Y.Doc) => d.getText('acks').insert(0, 'x')],
    [
      'an ack and something else',
      (d: Y.Doc) => {
        d.getMap('acks').set(`${ME}:abcdefgh1`, answer);
        d.getMap('entries').set('entry-000001', { text: 'x' });
      },
    ],
  ])('refuses %s', (_, edit) => {
    expect(isOwnAcknowledgement(change(edit), ME)).toBe(false);
  });

  it('refuses rewriting or deleting a key, even their own', () => {
    const base = (d: Y.Doc) => d.getMap('acks').set(`${ME}:abcdefgh1`, answer);
    expect(
      isOwnAcknowledgement(
        change((d) => d.getMap('acks').set(`${ME}:abcdefgh1`, answer), base),
        ME,
      ),
    ).toBe(false);
    expect(
      isOwnAcknowledgement(
        change((d) => d.getMap('acks').delete(`${ME}:abcdefgh1`), base),
        ME,
      ),
    ).toBe(false);
  });

  it('refuses an empty update, garbage and a large one', () => {
    expect(
      isOwnAcknowledgement(
        change(() => undefined),
        ME,
      ),
    ).toBe(false);
    expect(isOwnAcknowledgement(new Uint8Array([1, 2, 3, 250]), ME)).toBe(false);
    const large = change((d) => d.getMap('acks').set(`${ME}:abcdefgh1`, { ...answer, pad: 'x'.repeat(5000) }));
    expect(isOwnAcknowledgement(large, ME)).toBe(false);
  });
});

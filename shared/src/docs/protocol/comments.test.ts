import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { listThreads, openThread, replyToThread, setThreadResolved, type CommentAnchor } from './comments';
import { exchange, replica } from './testing';

const alice = { memberId: 'member-alice01', name: 'Alice Martin' };
const bruno = { memberId: 'member-bruno01', name: 'Bruno Petit' };

function anchorOn(doc: Y.Doc, from: number, to: number): CommentAnchor {
  const text = doc.getText('passage');
  return {
    start: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, from)),
    end: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, to)),
  } as CommentAnchor;
}

describe('protocol comments', () => {
  it('opens a thread on a passage that follows the text as colleagues edit around it', () => {
    const doc = new Y.Doc({ gc: false });
    doc.getText('passage').insert(0, 'Pansement à J+2 puis J+5');
    const opened = openThread(
      doc,
      anchorOn(doc, 12, 15),
      'J+2',
      alice,
      { text: 'Pourquoi J+2 ?', mentions: [bruno.memberId] },
      new Date('2026-11-24T09:00:00Z'),
    );
    expect(opened.ok).toBe(true);
    doc.getText('passage').insert(0, 'Étape 3. ');
    const [thread] = listThreads(doc);
    const start = Y.createAbsolutePositionFromRelativePosition(
      Y.createRelativePositionFromJSON(thread!.anchor.start),
      doc,
    )!;
    expect(
      doc
        .getText('passage')
        .toString()
        .slice(start.index, start.index + 3),
    ).toBe('J+2');
    expect(thread!.messages).toEqual([
      expect.objectContaining({
        author: alice.memberId,
        authorName: 'Alice Martin',
        text: 'Pourquoi J+2 ?',
        mentions: [bruno.memberId],
        at: '2026-11-24T09:00:00.000Z',
      }),
    ]);
  });

  it('merges replies written at once, and resolves and reopens', () => {
    const a = new Y.Doc({ gc: false });
    a.getText('passage').insert(0, 'Bilan infirmier');
    const opened = openThread(a, anchorOn(a, 0, 5), 'Bilan', alice, { text: 'À préciser' });
    if (!opened.ok) throw new Error('thread');
    const b = replica(a);
    replyToThread(a, opened.value.threadId, alice, { text: 'Je propose J+2' });
    replyToThread(b, opened.value.threadId, bruno, { text: 'Plutôt J+3' });
    exchange(a, b);
    expect(
      listThreads(a)[0]!
        .messages.map((m) => m.text)
        .sort(),
    ).toEqual(['Je propose J+2', 'Plutôt J+3', 'À préciser']);
    expect(listThreads(b)).toEqual(listThreads(a));
    setThreadResolved(b, opened.value.threadId, true, bruno, new Date('2026-11-25T10:00:00Z'));
    exchange(a, b);
    expect(listThreads(a)[0]).toMatchObject({ resolvedAt: '2026-11-25T10:00:00.000Z', resolvedBy: 'Bruno Petit' });
    setThreadResolved(a, opened.value.threadId, false, alice);
    expect(listThreads(a)[0]).toMatchObject({ resolvedAt: null, resolvedBy: null });
  });

  it('refuses an empty comment or a bad mention and writes nothing', () => {
    const doc = new Y.Doc({ gc: false });
    doc.getText('passage').insert(0, 'texte');
    const before = Y.encodeStateVector(doc);
    const empty = openThread(doc, anchorOn(doc, 0, 2), 'te', alice, { text: '   ' });
    expect(empty.ok ? null : empty.errors[0]!.message).toBe('errors.commentRequired');
    expect(openThread(doc, anchorOn(doc, 0, 2), 'te', alice, { text: 'ok', mentions: ['../../x'] }).ok).toBe(false);
    expect(replyToThread(doc, 'thread-inconnu', alice, { text: 'ok' }).ok).toBe(false);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });
});

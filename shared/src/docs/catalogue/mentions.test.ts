import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { markMentionRead, mentionsFor, recordMentions } from './mentions';

describe('mentions', () => {
  it('records one mention per colleague named, never the author, and marks them read', () => {
    const catalogue = new Y.Doc();
    const n = recordMentions(
      catalogue,
      {
        to: ['member-bruno01', 'member-bruno01', 'member-alice01', 'bad id!'],
        from: 'member-alice01',
        fromName: 'Alice Martin',
        docId: 'protocol-001',
        threadId: 'thread-0001',
      },
      new Date('2026-11-24T09:00:00Z'),
    );
    expect(n).toBe(1);
    const [mention] = mentionsFor(catalogue, 'member-bruno01');
    expect(mention).toMatchObject({
      from: 'member-alice01',
      fromName: 'Alice Martin',
      docId: 'protocol-001',
      threadId: 'thread-0001',
      readAt: null,
    });
    expect(mentionsFor(catalogue, 'member-alice01')).toEqual([]);
    markMentionRead(catalogue, mention!.id, new Date('2026-11-24T10:00:00Z'));
    expect(mentionsFor(catalogue, 'member-bruno01')[0]!.readAt).toBe('2026-11-24T10:00:00.000Z');
  });
});

import { describe, expect, it } from 'vitest';
import type { JournalEntryView } from '@maillage/shared';
import { isAnonymous, summarizeJournal } from './journalSummary';

const entry = (
  t: string,
  event: JournalEntryView['event'],
  over: Partial<JournalEntryView> = {},
): JournalEntryView => ({
  t,
  ws: 'ws',
  room: 'ws/avk',
  member: 'helene',
  device: 'laptop',
  role: 'member',
  address: '192.0.2.7',
  event,
  reason: null,
  bytes: 0,
  ...over,
});

describe('the access journal, summed up', () => {
  it('makes one line per person, document and Paris day, refusals first', () => {
    const lines = summarizeJournal([
      entry('2026-12-05T16:00:00Z', 'close', { bytes: 120 }),
      entry('2026-12-05T15:00:00Z', 'open'),
      entry('2026-12-05T09:00:00Z', 'open', { device: 'phone' }),
      entry('2026-12-05T08:00:00Z', 'open'),
      // 23:30 in Paris on the 4th is the 4th there, whatever UTC says.
      entry('2026-12-04T22:30:00Z', 'open'),
      entry('2026-12-05T07:00:00Z', 'refused', { member: 'bruno', reason: 'revoked', room: 'ws/case' }),
      entry('2026-12-05T07:05:00Z', 'refused', { member: 'bruno', reason: 'forbidden', room: 'ws/case' }),
      entry('2026-12-05T10:00:00Z', 'revoke', { member: 'root', room: null, reason: 'member:bruno' }),
    ]);
    expect(lines.map((l) => [l.kind, l.day, l.member, l.count, l.wrote, l.reasons])).toEqual([
      ['refused', '2026-12-05', 'bruno', 2, false, ['revoked', 'forbidden']],
      ['opened', '2026-12-05', 'helene', 3, true, []],
      ['revoke', '2026-12-05', 'root', 1, false, []],
      ['opened', '2026-12-04', 'helene', 1, false, []],
    ]);
    expect(lines.find((l) => l.kind === 'revoke')?.target).toBe('member:bruno');
  });

  it('keeps a close whose open fell out of the window, as a writing', () => {
    // Two bytes is the empty update every socket answers the server's sync with: no change.
    expect(summarizeJournal([entry('2026-12-05T16:00:00Z', 'close', { bytes: 2 })])).toEqual([]);
    const [line] = summarizeJournal([entry('2026-12-05T16:00:00Z', 'close', { bytes: 5 })]);
    expect(line).toMatchObject({ kind: 'opened', count: 0, wrote: true });
  });

  it('tells a report room’s anonymous entries from refusals of a caller with no valid token', () => {
    const lines = summarizeJournal([
      entry('2026-12-05T16:00:00Z', 'open', { member: null, device: null, role: null, address: null }),
      entry('2026-12-05T16:01:00Z', 'refused', { member: null, reason: 'unauthorized' }),
    ]);
    expect(lines.map((l) => isAnonymous({ ...l, refused: l.kind === 'refused' }))).toEqual([false, true]);
    expect(isAnonymous({ member: 'helene', room: 'ws/avk', refused: false })).toBe(false);
    expect(isAnonymous({ member: null, room: null, refused: false })).toBe(false);
  });
});

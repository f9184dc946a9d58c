import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readCoordination, recordCoordinatorKey, recordKeyInvitation } from './layout';

describe('coordination layout', () => {
  it('records who holds a key and whom that key invited, and skips what does not parse', () => {
    const doc = new Y.Doc();
    const at = new Date('2026-12-03T13:05:00Z');
    expect(recordCoordinatorKey(doc, 'dlg-claire01', 'member-claire', at)).toBe(true);
    expect(recordKeyInvitation(doc, 'member-denis1', 'dlg-claire01', at)).toBe(true);
    expect(recordCoordinatorKey(doc, 'x', 'member-claire')).toBe(false);
    doc.getMap('coordinatorKeys').set('dlg-broken01', { member: 42 });
    expect(readCoordination(doc)).toEqual({
      keys: [{ delegation: 'dlg-claire01', member: 'member-claire', issuedAt: '2026-12-03T13:05:00.000Z' }],
      invitations: [{ member: 'member-denis1', key: 'dlg-claire01', issuedAt: '2026-12-03T13:05:00.000Z' }],
    });
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { listInvitations, markInvitationWithdrawn, readInvitation, recordInvitation } from './layout';

const base = {
  role: 'observer' as const,
  name: '  Agnès Roy ',
  organisation: 'ARS Nouvelle-Aquitaine',
  by: 'member-alice1',
  issuedAt: '2026-12-05T09:00:00.000Z',
  expiresAt: '2026-12-12T09:00:00.000Z',
};

describe('invitations layout', () => {
  it('records an invitation, lists them newest first, and marks one withdrawn', () => {
    const doc = new Y.Doc();
    expect(recordInvitation(doc, 'member-agnes1', base)?.name).toBe('Agnès Roy');
    recordInvitation(doc, 'member-bruno1', { ...base, role: 'member', name: '', issuedAt: '2026-12-05T10:00:00.000Z' });
    expect(listInvitations(doc).map((i) => [i.member, i.role, i.withdrawnAt])).toEqual([
      ['member-bruno1', 'member', null],
      ['member-agnes1', 'observer', null],
    ]);
    expect(markInvitationWithdrawn(doc, 'member-agnes1', new Date('2026-12-06T08:00:00Z'))).toBe(true);
    expect(readInvitation(doc, 'member-agnes1')?.withdrawnAt).toBe('2026-12-06T08:00:00.000Z');
    expect(markInvitationWithdrawn(doc, 'member-nobody1')).toBe(false);
  });

  it('refuses what does not parse, and skips a bad entry written by another client', () => {
    const doc = new Y.Doc();
    expect(recordInvitation(doc, 'x', base)).toBeNull();
    expect(recordInvitation(doc, 'member-agnes1', { ...base, role: 'root' as never })).toBeNull();
    expect(recordInvitation(doc, 'member-agnes1', { ...base, name: 'N'.repeat(81) })).toBeNull();
    doc.getMap('invitations').set('member-broken', { role: 'member' });
    expect(listInvitations(doc)).toEqual([]);
  });
});

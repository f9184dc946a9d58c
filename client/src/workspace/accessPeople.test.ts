import { describe, expect, it } from 'vitest';
import type { DirectoryMember, WorkspaceInvitation } from '@maillage/shared';
import { accessPeople } from './accessPeople';

const member = (memberId: string, name: string): DirectoryMember =>
  ({ memberId, name, profession: 'pharmacien', updatedAt: '2026-12-01T00:00:00.000Z' }) as DirectoryMember;
const invitation = (member: string, over: Partial<WorkspaceInvitation> = {}): WorkspaceInvitation => ({
  member,
  role: 'member',
  name: '',
  organisation: '',
  by: 'alice',
  issuedAt: '2026-12-01T09:00:00.000Z',
  expiresAt: '2026-12-08T09:00:00.000Z',
  withdrawnAt: null,
  ...over,
});

describe('who « Accès » lists', () => {
  it('lists the annuaire, observers once seen, and invitations neither used, withdrawn nor expired as pending', () => {
    const { people, pending, toCheck } = accessPeople(
      [member('helene', 'Hélène Durand')],
      [
        invitation('helene'),
        invitation('agnes', { role: 'observer', name: 'Agnès Roy', organisation: 'ARS' }),
        invitation('denis', { name: 'Denis Roux' }),
        invitation('old', { expiresAt: '2026-12-02T09:00:00.000Z' }),
        invitation('gone', { withdrawnAt: '2026-12-03T09:00:00.000Z' }),
      ],
      new Set(['agnes']),
      '2026-12-05T10:00:00.000Z',
    );
    expect(people.map((p) => [p.memberId, p.name, p.role])).toEqual([
      ['helene', 'Hélène Durand', 'member'],
      ['agnes', 'Agnès Roy', 'observer'],
    ]);
    expect(pending.map((i) => i.member)).toEqual(['denis']);
    expect(toCheck).toEqual(['denis']);
  });
});

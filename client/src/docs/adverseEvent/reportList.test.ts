import { describe, expect, it } from 'vitest';
import type { AclView } from '@maillage/shared';
import { ensureReportList, reportMembers } from './reportList';

const ELSA = 'member-elsa01';
const REGINE = 'member-regine';
const view = (members: string[]): AclView => ({
  room: 'ws/report',
  owner: ELSA,
  members,
  updatedAt: '2026-12-05T10:00:00.000Z',
  updatedBy: ELSA,
});

function fakeLink(initial: AclView | null) {
  const calls: string[] = [];
  let acl = initial;
  return {
    calls,
    getAcl: async () => {
      calls.push('get');
      return acl;
    },
    setAcl: async (members: readonly string[]) => {
      calls.push(`set:${members.join(',')}`);
      acl = view([...members]);
      return acl;
    },
  };
}

describe('a report’s room list', () => {
  it('is put up with the reporter and the référents when the relay has none', async () => {
    const link = fakeLink(null);
    expect(await ensureReportList(link, ELSA, [REGINE])).toBe('listed');
    expect(link.calls).toEqual(['get', `set:${reportMembers(ELSA, [REGINE]).join(',')}`]);
  });

  it('is not put up again when the relay already holds it', async () => {
    const link = fakeLink(view([ELSA, REGINE]));
    expect(await ensureReportList(link, ELSA, [REGINE])).toBe('listed');
    expect(link.calls).toEqual(['get']);
  });

  it('is set again as a report’s when the relay holds it as a care team’s (sent by an earlier version)', async () => {
    const link = fakeLink({ ...view([ELSA, REGINE]), kind: 'team' });
    expect(await ensureReportList(link, ELSA, [REGINE])).toBe('listed');
    expect(link.calls).toEqual(['get', `set:${reportMembers(ELSA, [REGINE]).join(',')}`]);
  });

  it('follows the référents: one named later is added, one removed is taken off', async () => {
    const PAUL = 'member-paul01';
    const link = fakeLink(view([ELSA, REGINE]));
    expect(await ensureReportList(link, ELSA, [PAUL])).toBe('listed');
    expect(link.calls).toEqual(['get', `set:${[ELSA, PAUL].sort().join(',')}`]);
  });

  it('waits while no référent is named: never a room its reporter alone can read', async () => {
    const link = fakeLink(null);
    expect(await ensureReportList(link, ELSA, [ELSA])).toBe('noReferent');
    expect(link.calls).toEqual(['get']);
  });

  it('a relay that cannot be reached leaves the list unset', async () => {
    const link = { getAcl: () => Promise.reject(new Error('offline')), setAcl: () => Promise.reject(new Error('no')) };
    await expect(ensureReportList(link, ELSA, [REGINE])).rejects.toThrow('offline');
  });
});

import { describe, expect, it } from 'vitest';
import { aclAnswer, aclRequestSchema, mayChangeAcl, type AclRecord } from './acl';

const list = (kind: AclRecord['kind']): AclRecord => ({
  room: `${'a'.repeat(52)}/report-room-01`,
  kind,
  owner: 'reporter-01',
  members: ['referent-01', 'reporter-01'],
  updatedAt: '2026-12-05T09:00:00.000Z',
  updatedBy: 'reporter-01',
});

describe('room kinds', () => {
  it("let a report's list be changed by those on it only, observers on it included; a care team's as before", () => {
    const report = list('report');
    expect(mayChangeAcl(report, { memberId: 'coord-000001', role: 'coordinator' })).toBe(false);
    expect(mayChangeAcl(report, { memberId: 'referent-01', role: 'member' })).toBe(true);
    expect(mayChangeAcl({ ...report, owner: 'observer-01' }, { memberId: 'observer-01', role: 'observer' })).toBe(true);
    const team = list('team');
    expect(mayChangeAcl(team, { memberId: 'coord-000001', role: 'coordinator' })).toBe(true);
    expect(mayChangeAcl(team, { memberId: 'reporter-01', role: 'observer' })).toBe(false);
  });

  it("tell the reporter's id to the reporter only", () => {
    expect(aclAnswer(list('report'), 'reporter-01')).toEqual(list('report'));
    const toReferent = aclAnswer(list('report'), 'referent-01');
    expect(toReferent).not.toHaveProperty('owner');
    expect(toReferent).not.toHaveProperty('updatedBy');
    expect(aclAnswer(list('team'), 'referent-01')).toEqual(list('team'));
  });

  it('refuses a kind it does not know', () => {
    const room = `${'a'.repeat(52)}/report-room-01`;
    expect(aclRequestSchema.safeParse({ room, members: [], kind: 'report' }).success).toBe(true);
    expect(aclRequestSchema.safeParse({ room, members: [], kind: 'secret' }).success).toBe(false);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createPatientCase, readEnforcedAcl, setTeamMember, type AclView } from '@maillage/shared';
import { AclError } from '../../workspace/relayAcl';
import type { RelayLink } from './relayLink';
import { TAKE_OVER_AFTER_MS, TeamSync } from './teamSync';

const ALICE = 'member-alice1';
const BRUNO = 'member-bruno1';
const CLAIRE = 'member-claire';
let clock = 0;
const view = (members: readonly string[]): AclView => ({
  room: 'r',
  owner: ALICE,
  members: [...new Set([ALICE, ...members])].sort(),
  updatedAt: new Date(Date.UTC(2025, 0, 1) + ++clock * 1000).toISOString(),
  updatedBy: ALICE,
});

function link(fail: () => AclError | null = () => null) {
  const posted: string[][] = [];
  const relayLink: RelayLink = {
    getAcl: async () => null,
    setAcl: async (members) => {
      const error = fail();
      if (error) throw error;
      posted.push([...members]);
      return view(members);
    },
    isOnline: () => true,
    onOnline: () => () => undefined,
  };
  return { relayLink, posted };
}

const newCase = () => {
  const doc = new Y.Doc();
  createPatientCase(
    doc,
    {
      patient: { initials: 'MD', birthYear: 1948, sex: 'F', mtStatus: 'declare' },
      team: [BRUNO],
      patientInformed: true,
    },
    ALICE,
  );
  return doc;
};

afterEach(() => vi.useRealTimers());

describe('team sync', () => {
  it('pushes a change made here at once, and records what the relay enforces', async () => {
    const doc = newCase();
    const { relayLink, posted } = link();
    const sync = new TeamSync(doc, { memberId: ALICE, role: 'member' }, view([BRUNO]), relayLink);
    sync.markReady();
    expect(sync.current.inStep).toBe(true);
    setTeamMember(doc, CLAIRE, true, ALICE);
    sync.changedHere();
    await vi.waitFor(() => expect(sync.current.inStep).toBe(true));
    expect(posted).toEqual([[ALICE, BRUNO, CLAIRE].sort()]);
    expect(readEnforcedAcl(doc)?.members).toEqual([ALICE, BRUNO, CLAIRE].sort());
    sync.stop();
  });

  it('pushes nothing before the document has caught up with the relay', async () => {
    const doc = newCase();
    const { relayLink, posted } = link();
    const sync = new TeamSync(doc, { memberId: BRUNO, role: 'member' }, view([BRUNO, CLAIRE]), relayLink);
    expect(sync.current).toMatchObject({ inStep: false, canChange: true });
    sync.changedHere();
    await Promise.resolve();
    expect(posted).toEqual([]);
    sync.stop();
  });

  it('takes over a colleague’s change only if it stays unconfirmed', async () => {
    vi.useFakeTimers();
    const doc = newCase();
    const { relayLink, posted } = link();
    const sync = new TeamSync(doc, { memberId: BRUNO, role: 'member' }, view([BRUNO]), relayLink);
    sync.markReady();
    setTeamMember(doc, CLAIRE, true, ALICE); // as if it came from Alice's device
    await vi.advanceTimersByTimeAsync(TAKE_OVER_AFTER_MS - 100);
    expect(posted).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(posted).toEqual([[ALICE, BRUNO, CLAIRE].sort()]);
    sync.stop();
  });

  it('shows the error and keeps trying when the relay refuses, until it goes through', async () => {
    vi.useFakeTimers();
    const doc = newCase();
    let failures = 2;
    const { relayLink, posted } = link(() => (failures-- > 0 ? new AclError('refused') : null));
    const sync = new TeamSync(doc, { memberId: ALICE, role: 'member' }, view([BRUNO]), relayLink);
    sync.markReady();
    setTeamMember(doc, BRUNO, false, ALICE);
    sync.changedHere();
    await vi.waitFor(() => expect(sync.current).toMatchObject({ inStep: false, error: 'refused' }));
    await vi.advanceTimersByTimeAsync(2_000 + 4_000);
    expect(sync.current).toMatchObject({ inStep: true, error: null });
    expect(posted).toEqual([[ALICE]]);
    sync.stop();
  });

  it('lets an observer see the list but never push it', async () => {
    const doc = newCase();
    const { relayLink, posted } = link();
    const sync = new TeamSync(
      doc,
      { memberId: 'member-obs001', role: 'observer' },
      view([BRUNO, 'member-obs001']),
      relayLink,
    );
    sync.markReady();
    sync.changedHere();
    expect(sync.current).toMatchObject({ canChange: false, inStep: false });
    expect(posted).toEqual([]);
    sync.stop();
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  createConcertation,
  createPatientCase,
  participantIds,
  readEnforcedAcl,
  teamIds,
  type AclView,
} from '@maillage/shared';
import { AclError } from '../../workspace/relayAcl';
import { CaseGate, NOT_SHARED_POLL_MS, type GatePhase } from './caseGate';
import type { RelayLink } from './relayLink';
import { meetingRoom } from '../concertation/meetingRoom';

const ALICE = 'member-alice1';
const BRUNO = 'member-bruno1';
const view = (members: string[], owner = ALICE): AclView => ({
  room: 'r',
  owner,
  members: [...new Set([owner, ...members])].sort(),
  updatedAt: new Date().toISOString(),
  updatedBy: owner,
});

/** A relay in memory: one list, the same rules as the real one for who may read it. */
function fakeRelay(initial: AclView | null = null) {
  let acl = initial;
  let online = true;
  const onlineListeners = new Set<() => void>();
  const calls: string[] = [];
  const linkFor = (memberId: string, role: 'member' | 'coordinator' = 'member'): RelayLink => ({
    getAcl: async () => {
      calls.push(`get:${memberId}`);
      if (!online) throw new AclError('offline');
      if (acl && !acl.members.includes(memberId) && role !== 'coordinator') throw new AclError('forbidden');
      return acl;
    },
    setAcl: async (members) => {
      calls.push(`set:${memberId}:${members.join(',')}`);
      if (!online) throw new AclError('offline');
      acl = view([...members], acl?.owner ?? memberId);
      return acl;
    },
    isOnline: () => online,
    onOnline: (callback) => {
      onlineListeners.add(callback);
      return () => onlineListeners.delete(callback);
    },
  });
  return {
    linkFor,
    calls,
    get acl() {
      return acl;
    },
    goOnline() {
      online = true;
      for (const l of onlineListeners) l();
    },
    goOffline() {
      online = false;
    },
  };
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

const phaseOf = (gate: CaseGate, phase: GatePhase) => vi.waitFor(() => expect(gate.current.phase).toBe(phase));

afterEach(() => vi.useRealTimers());

describe('the case gate', () => {
  it('lets the creator in only once the relay holds the list, which it sets first', async () => {
    const relay = fakeRelay();
    const gate = new CaseGate(newCase(), { memberId: ALICE, role: 'member' }, relay.linkFor(ALICE));
    await phaseOf(gate, 'admitted');
    expect(relay.calls).toEqual([`get:${ALICE}`, `set:${ALICE}:${[ALICE, BRUNO].sort().join(',')}`]);
    expect(relay.acl?.owner).toBe(ALICE);
    gate.stop();
  });

  it('created offline: the copy is shown, nothing connects, and the list goes up when the network is back', async () => {
    const relay = fakeRelay();
    relay.goOffline();
    const doc = newCase();
    const gate = new CaseGate(doc, { memberId: ALICE, role: 'member' }, relay.linkFor(ALICE));
    await phaseOf(gate, 'waitingNetwork');
    expect(gate.current).toMatchObject({ showLocal: true, everShared: false });
    expect(relay.acl).toBeNull();
    relay.goOnline();
    await phaseOf(gate, 'admitted');
    expect(readEnforcedAcl(doc)?.members).toEqual([ALICE, BRUNO].sort());
    gate.stop();
  });

  it('keeps retrying when the relay cannot be reached although the device thinks it is online', async () => {
    vi.useFakeTimers();
    const relay = fakeRelay();
    const link = relay.linkFor(ALICE);
    let failures = 2;
    const flaky: RelayLink = {
      ...link,
      getAcl: () => (failures-- > 0 ? Promise.reject(new AclError('offline')) : link.getAcl()),
    };
    const gate = new CaseGate(newCase(), { memberId: ALICE, role: 'member' }, flaky);
    await vi.waitFor(() => expect(gate.current).toMatchObject({ phase: 'sharing', error: 'offline' }));
    await vi.advanceTimersByTimeAsync(2_000 + 4_000);
    await phaseOf(gate, 'admitted');
    gate.stop();
  });

  it('keeps, on its device only and without asking again, a case the relay will never restrict for its creator', async () => {
    vi.useFakeTimers();
    const relay = fakeRelay();
    const link = relay.linkFor(ALICE);
    const unbound: RelayLink = { ...link, setAcl: () => Promise.reject(new AclError('unbound')) };
    const gate = new CaseGate(newCase(), { memberId: ALICE, role: 'member' }, unbound);
    await vi.waitFor(() => expect(gate.current).toMatchObject({ phase: 'sharing', error: 'unbound', showLocal: true }));
    const asked = relay.calls.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(relay.calls.length).toBe(asked);
    expect(gate.current.phase).toBe('sharing');
    gate.stop();
  });

  it('a team member waits for a list the creator has not put up yet, then gets in', async () => {
    vi.useFakeTimers();
    const relay = fakeRelay();
    const gate = new CaseGate(new Y.Doc(), { memberId: BRUNO, role: 'member' }, relay.linkFor(BRUNO));
    await phaseOf(gate, 'notShared');
    await relay.linkFor(ALICE).setAcl([BRUNO]);
    await vi.advanceTimersByTimeAsync(NOT_SHARED_POLL_MS);
    await phaseOf(gate, 'admitted');
    gate.stop();
  });

  it('refuses a colleague not on the team, and says « removed » to one who had the case', async () => {
    const relay = fakeRelay(view([BRUNO]));
    const claire = new CaseGate(
      new Y.Doc(),
      { memberId: 'member-claire', role: 'member' },
      relay.linkFor('member-claire'),
    );
    await phaseOf(claire, 'refused');
    const denisCopy = newCase();
    const denis = new CaseGate(
      denisCopy,
      { memberId: 'member-denis1', role: 'member' },
      relay.linkFor('member-denis1'),
    );
    await phaseOf(denis, 'removed');
    expect(denis.current.showLocal).toBe(false);
    claire.stop();
    denis.stop();
  });

  it('a coordinator not on the team is refused, then joins it on purpose', async () => {
    const relay = fakeRelay(view([BRUNO]));
    const doc = new Y.Doc();
    const gate = new CaseGate(
      doc,
      { memberId: 'member-coord1', role: 'coordinator' },
      relay.linkFor('member-coord1', 'coordinator'),
    );
    await phaseOf(gate, 'refused');
    await gate.joinAsCoordinator();
    expect(gate.current.phase).toBe('admitted');
    expect(relay.acl?.members).toContain('member-coord1');
    expect(teamIds(doc)).toEqual(['member-coord1']);
    gate.stop();
  });

  it('says « removed » when the relay closes the socket of an admitted member', async () => {
    const relay = fakeRelay(view([BRUNO]));
    const gate = new CaseGate(new Y.Doc(), { memberId: BRUNO, role: 'member' }, relay.linkFor(BRUNO));
    await phaseOf(gate, 'admitted');
    gate.lostAccess();
    expect(gate.current).toMatchObject({ phase: 'removed', showLocal: false });
    gate.stop();
  });
});

describe('the gate of a concertation (decision 0033)', () => {
  const newMeeting = () => {
    const doc = new Y.Doc();
    const created = createConcertation(
      doc,
      {
        type: 'rcp_patient',
        date: '2099-01-06',
        start: '12:30',
        end: '14:00',
        modality: 'visio',
        link: 'https://visio.example/rcp',
        coordonnateur: ALICE,
        animateur: ALICE,
        secretaire: null,
        participants: [BRUNO],
      },
      ALICE,
      new Set([ALICE, BRUNO]),
    );
    expect(created.ok).toBe(true);
    return doc;
  };
  const never = () => false;

  it('its planner puts the participants up as the list before getting in', async () => {
    const relay = fakeRelay();
    const gate = new CaseGate(newMeeting(), { memberId: ALICE, role: 'member' }, relay.linkFor(ALICE), meetingRoom);
    await phaseOf(gate, 'admitted');
    expect(relay.calls).toEqual([`get:${ALICE}`, `set:${ALICE}:${[ALICE, BRUNO].sort().join(',')}`]);
    gate.stop();
  });

  it('refuses a member not invited; a coordinator joins on purpose by becoming a participant', async () => {
    const relay = fakeRelay(view([BRUNO]));
    const claire = new CaseGate(
      new Y.Doc(),
      { memberId: 'member-claire', role: 'member' },
      relay.linkFor('member-claire'),
      meetingRoom,
      never,
    );
    await phaseOf(claire, 'refused');
    expect(claire.current.showLocal).toBe(false);
    const doc = new Y.Doc();
    const coordinator = new CaseGate(
      doc,
      { memberId: 'member-coord1', role: 'coordinator' },
      relay.linkFor('member-coord1', 'coordinator'),
      meetingRoom,
    );
    await phaseOf(coordinator, 'refused');
    await coordinator.joinAsCoordinator();
    expect(coordinator.current.phase).toBe('admitted');
    expect(participantIds(doc)).toEqual(['member-coord1']);
    claire.stop();
    coordinator.stop();
  });

  it('opens a meeting planned open before meetings were restricted, and never tries to restrict it', async () => {
    const relay = fakeRelay();
    const gate = new CaseGate(
      newMeeting(),
      { memberId: ALICE, role: 'member' },
      relay.linkFor(ALICE),
      meetingRoom,
      () => true,
    );
    await phaseOf(gate, 'open');
    expect(relay.calls).toEqual([`get:${ALICE}`]);
    expect(gate.current.showLocal).toBe(true);
    gate.stop();
  });

  it('an invited member waits for a list not up yet when the catalogue does not list the meeting', async () => {
    const relay = fakeRelay();
    const gate = new CaseGate(
      new Y.Doc(),
      { memberId: BRUNO, role: 'member' },
      relay.linkFor(BRUNO),
      meetingRoom,
      never,
    );
    await phaseOf(gate, 'notShared');
    gate.stop();
  });
});

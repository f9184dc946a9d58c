// A concertation is a room whose list is its participants (decision 0033), set before any byte flows: a member who was
// not invited never receives its agenda over the socket or from the change feed; the list follows invitations.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAgendaItem,
  addParticipant,
  changesResponseSchema,
  changesUrl,
  CloseCode,
  createConcertation,
  createPatientCase,
  meetingAcl,
  parisToday,
  rcpJoinPurpose,
  readPatient,
  recordRcpConsent,
  wantedAcl,
  newDocId,
  newRestrictedNonce,
  readAgenda,
  readMeeting,
  removeParticipant,
  restrictedDocId,
  roomName,
  type AclView,
} from '@maillage/shared';
import { framesUntilClose } from '../support/rawFrames';
import { useRelayWithPeople } from '../support/relayWithPeople';
import { connect, eventually, whenSynced } from '../support/yClient';

const COORDINATOR = 'coord-leroy1'; // plans the meeting: coordonnatrice and animatrice
const DOCTOR = 'dr-martin-01'; // invited
const NURSE = 'ide-durand01'; // secrétaire de séance
const PHYSIO = 'kine-petit01'; // a member who was not invited
const QUESTION = 'Maintien à domicile après la chute du 3 ?';
const annuaire = new Set([COORDINATOR, DOCTOR, NURSE, PHYSIO]);

const fx = useRelayWithPeople({
  [COORDINATOR]: 'coordinator',
  [DOCTOR]: 'member',
  [NURSE]: 'member',
  [PHYSIO]: 'member',
});
const { tokens } = fx;

const postAcl = (who: string, room: string, members: readonly string[], nonce?: string, purpose?: unknown) =>
  fetch(`${fx.relay.url}acl`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens[who]}` },
    body: JSON.stringify({ room, members, nonce, purpose }),
  });

/** The meeting as the app plans it: a bound id, its participants as the list with the nonce, only then the content. */
async function planned(): Promise<{ room: string; docId: string; doc: Y.Doc }> {
  const nonce = newRestrictedNonce();
  const docId = await restrictedDocId(fx.workspace.ws, COORDINATOR, nonce);
  const room = roomName({ workspaceId: fx.workspace.ws, docId });
  const doc = new Y.Doc();
  const created = createConcertation(
    doc,
    {
      type: 'rcp_patient',
      date: '2099-01-06',
      start: '12:30',
      end: '14:00',
      modality: 'presentiel',
      place: 'Maison de santé',
      coordonnateur: COORDINATOR,
      animateur: COORDINATOR,
      secretaire: NURSE,
      participants: [DOCTOR],
    },
    COORDINATOR,
    annuaire,
  );
  expect(created.ok).toBe(true);
  const item = addAgendaItem(
    doc,
    {
      caseId: newDocId(),
      label: 'réf. ABC123',
      presenter: DOCTOR,
      question: QUESTION,
      criterion: 'age_75',
      minutes: 15,
    },
    annuaire,
  );
  expect(item.ok).toBe(true);
  const listed = await postAcl(COORDINATOR, room, meetingAcl(doc, COORDINATOR), nonce);
  expect(listed.status).toBe(200);
  expect(((await listed.json()) as AclView).members).toEqual([COORDINATOR, DOCTOR, NURSE].sort());
  const provider = connect(fx.relay.wsUrl, room, { doc, token: tokens[COORDINATOR]! });
  await whenSynced(provider);
  provider.destroy();
  return { room, docId, doc };
}

/** Every frame the relay sends a raw socket of `who`, until it closes it. */
const framesUntilClosed = (room: string, who: string) =>
  framesUntilClose(`${fx.relay.wsUrl}/${room}?token=${encodeURIComponent(tokens[who]!)}`);

const feedFor = async (who: string, docId: string) => {
  const response = await fetch(changesUrl(fx.relay.url.replace(/\/$/, ''), fx.workspace.ws, 0), {
    headers: { authorization: `Bearer ${tokens[who]}` },
  });
  return changesResponseSchema.parse(await response.json()).changes.find((c) => c.doc === docId);
};

describe('concertations on the relay', () => {
  it('reach the invited participants, bureau included', async () => {
    const { room } = await planned();
    for (const who of [DOCTOR, NURSE]) {
      const reader = connect(fx.relay.wsUrl, room, { token: tokens[who]! });
      await eventually(() => readAgenda(reader.doc)[0]?.question === QUESTION, 10_000, `the agenda at ${who}`);
      reader.destroy();
    }
  });

  it('never send a byte of the meeting to a member who was not invited', async () => {
    const { room, docId } = await planned();
    const { code, bytes } = await framesUntilClosed(room, PHYSIO);
    expect(code).toBe(CloseCode.forbidden);
    expect(bytes.includes(Buffer.from('Maintien'))).toBe(false);
    expect(bytes.includes(Buffer.from('ABC123'))).toBe(false);
    expect(bytes.includes(Buffer.from(DOCTOR))).toBe(false);
    // A stock client keeps nothing either.
    const physio = connect(fx.relay.wsUrl, room, { token: tokens[PHYSIO]! });
    const closed = new Promise<number>((resolve) =>
      physio.on('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0)),
    );
    expect(await closed).toBe(CloseCode.forbidden);
    expect(readMeeting(physio.doc)).toBeNull();
    expect(Y.encodeStateVector(physio.doc)).toEqual(Y.encodeStateVector(new Y.Doc()));
    physio.destroy();
    // Nor does the change feed offer it to them: their device would forget a copy it had.
    expect((await feedFor(DOCTOR, docId))?.readable).toBe(true);
    expect((await feedFor(PHYSIO, docId))?.readable).toBe(false);
  });

  it('follows the participants: one invited later gets in, one taken off is closed out at once', async () => {
    const { room, doc } = await planned();
    const doctor = connect(fx.relay.wsUrl, room, { token: tokens[DOCTOR]! });
    await whenSynced(doctor);
    const doctorClosed = new Promise<number>((resolve) =>
      doctor.on('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0)),
    );
    // The secretary's device changes the meeting, then pushes the list its participants now make.
    expect(addParticipant(doc, PHYSIO, annuaire).ok).toBe(true);
    expect(removeParticipant(doc, DOCTOR).ok).toBe(true);
    const changed = await postAcl(NURSE, room, meetingAcl(doc, COORDINATOR));
    expect(changed.status).toBe(200);
    expect(((await changed.json()) as AclView).members).toEqual([COORDINATOR, NURSE, PHYSIO].sort());
    expect(await doctorClosed).toBe(CloseCode.forbidden);
    doctor.destroy();
    const physio = connect(fx.relay.wsUrl, room, { token: tokens[PHYSIO]! });
    await eventually(
      () => readAgenda(physio.doc)[0]?.question === QUESTION,
      10_000,
      'the agenda at the new participant',
    );
    physio.destroy();
  });

  it('bring participants off a case’s team into it once its presenter records the consent, journaled « RCP du … »', async () => {
    // The doctor's case, restricted to its team (the doctor) before any byte flows.
    const nonce = newRestrictedNonce();
    const docId = await restrictedDocId(fx.workspace.ws, DOCTOR, nonce);
    const room = roomName({ workspaceId: fx.workspace.ws, docId });
    const doc = new Y.Doc();
    const created = createPatientCase(
      doc,
      { patient: { initials: 'MD', birthYear: 1941, sex: 'F', mtStatus: 'declare' }, team: [], patientInformed: true },
      DOCTOR,
    );
    expect(created.ok).toBe(true);
    expect((await postAcl(DOCTOR, room, wantedAcl(doc, DOCTOR), nonce)).status).toBe(200);
    const provider = connect(fx.relay.wsUrl, room, { doc, token: tokens[DOCTOR]! });
    await whenSynced(provider);
    // Without the consent, the secretary of the meeting is refused the case.
    const before = await framesUntilClosed(room, NURSE);
    expect(before.code).toBe(CloseCode.forbidden);
    expect(before.bytes.includes(Buffer.from('MD'))).toBe(false);

    const meeting = {
      meetingId: newDocId(),
      date: '2099-01-06',
      status: 'planifiee',
      question: QUESTION,
      criterion: 'age_75',
    };
    const consent = { informedOn: parisToday(), informedBy: DOCTOR, noObjection: true };
    const recorded = recordRcpConsent(doc, meeting, consent, DOCTOR, [COORDINATOR, DOCTOR, NURSE]);
    expect(recorded).toEqual({ ok: true, value: { joined: [COORDINATOR, NURSE].sort() } });
    const wanted = wantedAcl(doc, DOCTOR);
    const listed = await postAcl(DOCTOR, room, wanted, undefined, rcpJoinPurpose(doc, [COORDINATOR, NURSE]));
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as AclView).members).toEqual([COORDINATOR, DOCTOR, NURSE].sort());

    const nurse = connect(fx.relay.wsUrl, room, { token: tokens[NURSE]! });
    await eventually(() => readPatient(nurse.doc)?.initials === 'MD', 10_000, 'the case at the nurse');
    nurse.destroy();
    provider.destroy();

    const journal = (await (
      await fetch(`${fx.relay.url}journal?ws=${fx.workspace.ws}&room=${encodeURIComponent(room)}`, {
        headers: { authorization: `Bearer ${tokens[COORDINATOR]}` },
      })
    ).json()) as { entries: { event: string; reason: string | null; member: string; room: string | null }[] };
    const grown = journal.entries.find((e) => e.event === 'acl' && e.room === room && e.reason?.includes('RCP'));
    expect(grown).toMatchObject({ member: DOCTOR, reason: 'members:3;RCP du 06/01/2099' });
    // A purpose that is not one is refused, nothing changed.
    const bad = await postAcl(DOCTOR, room, [DOCTOR], undefined, { kind: 'rcp', date: 'demain' });
    expect(bad.status).toBe(400);
  });
});

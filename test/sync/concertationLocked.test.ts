// A validated meeting's minutes are the team's record (decision 0039): the relay takes no more writes in its room, from
// a stock client that tampers or from a device that was offline when it was validated; only the animateur's lock.
// Before that, « en séance »: the case the bureau switches to reaches every participant's device.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAgendaItem,
  createConcertation,
  meetingAcl,
  moveConcertationStatus,
  newDocId,
  newRestrictedNonce,
  readAgenda,
  readMeeting,
  readSessionCurrent,
  restrictedDocId,
  roomName,
  setAgendaItemDiscussed,
  setSessionCase,
} from '@maillage/shared';
import { useRelayWithPeople } from '../support/relayWithPeople';
import { connect, eventually, whenSynced, writeRefused } from '../support/yClient';

const ANIMATEUR = 'coord-leroy1';
const DOCTOR = 'dr-martin-01';
const NURSE = 'ide-durand01'; // secrétaire de séance
const annuaire = new Set([ANIMATEUR, DOCTOR, NURSE]);

const fx = useRelayWithPeople({
  [ANIMATEUR]: 'coordinator',
  [DOCTOR]: 'member',
  [NURSE]: 'member',
});
const { tokens } = fx;

async function planned(): Promise<{ room: string; doc: Y.Doc; itemId: string }> {
  const nonce = newRestrictedNonce();
  const docId = await restrictedDocId(fx.workspace.ws, ANIMATEUR, nonce);
  const room = roomName({ workspaceId: fx.workspace.ws, docId });
  const doc = new Y.Doc();
  const meeting = {
    type: 'rcp_patient',
    date: '2026-01-06',
    start: '12:30',
    end: '14:00',
    modality: 'presentiel',
    place: 'Maison de santé',
    coordonnateur: ANIMATEUR,
    animateur: ANIMATEUR,
    secretaire: NURSE,
    participants: [DOCTOR],
  };
  expect(createConcertation(doc, meeting, ANIMATEUR, annuaire).ok).toBe(true);
  const item = addAgendaItem(
    doc,
    { caseId: newDocId(), label: 'réf. ABC123', presenter: DOCTOR, question: 'Suite ?', criterion: 'ald', minutes: 15 },
    annuaire,
  );
  if (!item.ok) throw new Error('agenda item refused');
  const listed = await fetch(`${fx.relay.url}acl`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens[ANIMATEUR]}` },
    body: JSON.stringify({ room, members: meetingAcl(doc, ANIMATEUR), nonce }),
  });
  expect(listed.status).toBe(200);
  return { room, doc, itemId: readAgenda(doc)[0]!.id };
}

/** What a fresh participant's device gets from the fx.relay. */
async function atRelay(room: string): Promise<Y.Doc> {
  const reader = connect(fx.relay.wsUrl, room, { token: tokens[DOCTOR]! });
  await whenSynced(reader);
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(reader.doc));
  reader.destroy();
  return copy;
}

describe('a validated meeting on the relay', () => {
  it('refuses the edits of a device that was offline when it was validated, and of a stock client', async () => {
    const { room, doc, itemId } = await planned();
    const animateur = connect(fx.relay.wsUrl, room, { doc, token: tokens[ANIMATEUR]! });
    await whenSynced(animateur);
    // The secretary syncs, then loses the network.
    const nurseDoc = new Y.Doc();
    const nurse = connect(fx.relay.wsUrl, room, { doc: nurseDoc, token: tokens[NURSE]! });
    await eventually(() => readMeeting(nurseDoc) !== null, 10_000, 'the meeting at the secretary');
    nurse.destroy();
    // Meanwhile the meeting is held and validated.
    expect(moveConcertationStatus(doc, 'tenue', ANIMATEUR).ok).toBe(true);
    expect(moveConcertationStatus(doc, 'validee', ANIMATEUR).ok).toBe(true);
    await eventually(async () => readMeeting(await atRelay(room))?.status === 'validee', 10_000, 'validée');
    // Offline, her device still says « tenue » and lets her tick the case: the relay refuses it when she is back.
    expect(setAgendaItemDiscussed(nurseDoc, itemId, true).ok).toBe(true);
    const back = connect(fx.relay.wsUrl, room, { doc: nurseDoc, token: tokens[NURSE]! });
    expect(await writeRefused(back)).toBe('minutes validated');
    back.destroy();
    // A stock client writing straight into the document is refused too, whatever it touches.
    const tamperer = connect(fx.relay.wsUrl, room, { token: tokens[DOCTOR]! });
    await whenSynced(tamperer);
    const refused = writeRefused(tamperer);
    tamperer.doc.transact(() => {
      tamperer.doc.getMap('meeting').set('status', 'tenue');
      tamperer.doc.getMap<Y.Map<unknown>>('agenda').get(itemId)?.set('question', 'réécrite');
    });
    expect(await refused).toBe('minutes validated');
    tamperer.destroy();
    const stored = await atRelay(room);
    expect(readMeeting(stored)?.status).toBe('validee');
    expect(readAgenda(stored)[0]).toMatchObject({ discussed: false, question: 'Suite ?' });
    animateur.destroy();
  });

  it('takes the animateur’s lock, and only that', async () => {
    const { room, doc } = await planned();
    expect(moveConcertationStatus(doc, 'tenue', ANIMATEUR).ok).toBe(true);
    expect(moveConcertationStatus(doc, 'validee', ANIMATEUR).ok).toBe(true);
    const animateur = connect(fx.relay.wsUrl, room, { doc, token: tokens[ANIMATEUR]! });
    await whenSynced(animateur);
    // Someone else writing the same lock is refused: the animateur signs off the minutes.
    const doctor = connect(fx.relay.wsUrl, room, { token: tokens[DOCTOR]! });
    await whenSynced(doctor);
    const refused = writeRefused(doctor);
    doctor.doc.getMap('meeting').set('status', 'verrouillee');
    expect(await refused).toBe('minutes validated');
    doctor.destroy();
    expect(moveConcertationStatus(doc, 'verrouillee', ANIMATEUR).ok).toBe(true);
    await eventually(async () => readMeeting(await atRelay(room))?.status === 'verrouillee', 10_000, 'verrouillée');
    animateur.destroy();
  });
});

describe('en séance on the relay', () => {
  it('brings the case the secretary switches to onto a participant’s device', async () => {
    const { room, doc } = await planned();
    const [itemId] = readAgenda(doc).map((i) => i.id);
    const secretaryDoc = new Y.Doc();
    Y.applyUpdate(secretaryDoc, Y.encodeStateAsUpdate(doc));
    const secretary = connect(fx.relay.wsUrl, room, { doc: secretaryDoc, token: tokens[NURSE]! });
    const doctor = connect(fx.relay.wsUrl, room, { token: tokens[DOCTOR]! });
    await Promise.all([whenSynced(secretary), whenSynced(doctor)]);
    const delays: number[] = [];
    for (let i = 0; i < 20; i++) {
      // Switching on and off the case: each switch is a new value the other device must hear.
      const target = i % 2 === 0 ? itemId! : null;
      const started = performance.now();
      expect(setSessionCase(secretaryDoc, target, NURSE).ok).toBe(true);
      await eventually(() => (readSessionCurrent(doctor.doc)?.itemId ?? null) === target, 5000, 'the switch');
      delays.push(performance.now() - started);
    }
    delays.sort((a, b) => a - b);
    const p95 = delays[Math.ceil(delays.length * 0.95) - 1]!;
    console.info(`en séance switch: median ${delays[10]!.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
    expect(p95).toBeLessThan(200);
    secretary.destroy();
    doctor.destroy();
  });
});

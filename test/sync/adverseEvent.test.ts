// An adverse-event report is a room whose list is {its reporter, the quality référents}, set before any byte flows: a
// member who is not a référent, a coordinator too, never receives its bytes over the socket or from the change feed.
// The relay knows it as a report's room: nobody off its list reads or changes the list, the reporter is singled out
// to nobody, the journal does not name who used it, and an observer may report (decision 0032). What is deleted from a
// report's room (an analysis moved out of it) is not served to a device that syncs it afterwards (decision 0042).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import {
  changesResponseSchema,
  analysisText,
  changesUrl,
  CloseCode,
  createReport,
  linkCrex,
  moveLegacyAnalysis,
  moveReportStatus,
  readAnalysis,
  readFeedback,
  writeFeedback,
  newRestrictedNonce,
  readReport,
  restrictedDocId,
  roomName,
  writeQualification,
} from '@maillage/shared';
import type { RelayProcess } from '../support/relayProcess';
import type { TestWorkspace } from '../support/tokens';
import { startRelayWithPeople } from '../support/relayWithPeople';
import { connect, eventually, whenSynced } from '../support/yClient';

const NURSE = 'ide-durand01';
const REFERENT = 'ref-qualite1';
const DOCTOR = 'dr-martin-01';
const COORDINATOR = 'coord-leroy1';
const REFERENT_2 = 'ref-qualite2';
const OBSERVER = 'observ-roux1';
const TEXT = 'Pilulier préparé avec la dose du soir dans la case du matin';

let relay: RelayProcess;
let workspace: TestWorkspace;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  ({ relay, workspace } = await startRelayWithPeople(tokens, {
    [NURSE]: 'member',
    [REFERENT]: 'member',
    [DOCTOR]: 'member',
    [COORDINATOR]: 'coordinator',
    [REFERENT_2]: 'member',
    [OBSERVER]: 'observer',
  }));
});
afterAll(() => relay.stop());

const setAcl = (who: string, body: Record<string, unknown>) =>
  fetch(`${relay.url}acl`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens[who]}` },
    body: JSON.stringify(body),
  });
const getAcl = (who: string, room: string) =>
  fetch(`${relay.url}acl?room=${encodeURIComponent(room)}`, { headers: { authorization: `Bearer ${tokens[who]}` } });

interface Entry {
  t: string;
  event: string;
  reason: string | null;
  member: string | null;
  device: string | null;
  role: string | null;
  address: string | null;
  room: string | null;
}
const journalOf = async (room: string): Promise<Entry[]> =>
  (
    (await (
      await fetch(`${relay.url}journal?ws=${workspace.ws}&room=${encodeURIComponent(room)}`, {
        headers: { authorization: `Bearer ${tokens[COORDINATOR]}` },
      })
    ).json()) as { entries: Entry[] }
  ).entries;

/** A report, as the app makes it: a bound id, the list (a report's) with the nonce, only then the content. */
async function reported(reporter = NURSE): Promise<{ room: string; docId: string }> {
  const nonce = newRestrictedNonce();
  const docId = await restrictedDocId(workspace.ws, reporter, nonce);
  const room = roomName({ workspaceId: workspace.ws, docId });
  const listed = await setAcl(reporter, { room, members: [reporter, REFERENT], nonce, kind: 'report' });
  expect(listed.status).toBe(200);
  const doc = new Y.Doc();
  const created = createReport(
    doc,
    {
      occurredAt: new Date(Date.now() - 60_000).toISOString(),
      place: 'domicile',
      description: TEXT,
      nature: 'epr',
      consequences: 'aucune',
      severity: 2,
      patientInformed: false,
    },
    reporter,
  );
  expect(created.ok).toBe(true);
  const provider = connect(relay.wsUrl, room, { doc, token: tokens[reporter]! });
  await whenSynced(provider);
  provider.destroy();
  return { room, docId };
}

/** Every frame the relay sends a raw socket of `who` asking for the whole room, until the room's state arrives. */
function framesFor(room: string, who: string): Promise<{ bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const frames: Buffer[] = [];
    const ws = new WebSocket(`${relay.wsUrl}/${room}?token=${encodeURIComponent(tokens[who]!)}`);
    const timer = setTimeout(() => reject(new Error('no state from the relay')), 5000);
    ws.on('open', () => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0); // sync
      syncProtocol.writeSyncStep1(encoder, new Y.Doc());
      ws.send(encoding.toUint8Array(encoder));
    });
    ws.on('message', (data: Buffer) => {
      frames.push(Buffer.from(data));
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) !== 0 || decoding.readVarUint(decoder) !== syncProtocol.messageYjsSyncStep2)
        return;
      clearTimeout(timer);
      ws.close();
      resolve({ bytes: Buffer.concat(frames) });
    });
  });
}

/** Every frame the relay sends a raw socket of `who`, until it closes it. */
function framesUntilClosed(room: string, who: string): Promise<{ code: number; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const frames: Buffer[] = [];
    const ws = new WebSocket(`${relay.wsUrl}/${room}?token=${encodeURIComponent(tokens[who]!)}`);
    const timer = setTimeout(() => reject(new Error('socket was not closed')), 5000);
    ws.on('message', (data: Buffer) => frames.push(Buffer.from(data)));
    ws.on('error', () => undefined);
    ws.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, bytes: Buffer.concat(frames) });
    });
  });
}

describe('adverse-event reports on the relay', () => {
  it('reach the référent', async () => {
    const { room } = await reported();
    const referent = connect(relay.wsUrl, room, { token: tokens[REFERENT]! });
    await eventually(() => readReport(referent.doc)?.description === TEXT, 10_000, 'the report at the référent');
    referent.destroy();
  });

  it('never send a byte of the report to a member who is not a référent, nor to a coordinator', async () => {
    const { room } = await reported();
    for (const who of [DOCTOR, COORDINATOR]) {
      const { code, bytes } = await framesUntilClosed(room, who);
      expect(code).toBe(CloseCode.forbidden);
      expect(bytes.includes(Buffer.from('Pilulier'))).toBe(false);
      expect(bytes.includes(Buffer.from(NURSE))).toBe(false);
    }
    // A stock client keeps nothing either.
    const doctor = connect(relay.wsUrl, room, { token: tokens[DOCTOR]! });
    const closed = new Promise<number>((resolve) =>
      doctor.on('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0)),
    );
    expect(await closed).toBe(CloseCode.forbidden);
    expect(readReport(doctor.doc)).toBeNull();
    expect(Y.encodeStateVector(doctor.doc)).toEqual(Y.encodeStateVector(new Y.Doc()));
    doctor.destroy();
    // Each refusal is journalled, naming who knocked (never what the report says).
    const journal = (await (
      await fetch(`${relay.url}journal?ws=${workspace.ws}`, {
        headers: { authorization: `Bearer ${tokens[COORDINATOR]}` },
      })
    ).json()) as { entries: { event: string; reason: string; member: string; room?: string }[] };
    const refusals = journal.entries.filter(
      (e) => e.event === 'refused' && e.reason === 'forbidden' && e.room === room,
    );
    expect(refusals.some((e) => e.member === DOCTOR)).toBe(true);
    expect(JSON.stringify(journal)).not.toContain('Pilulier');
  });

  it('are listed unreadable in the change feed of anyone else', async () => {
    const { docId } = await reported();
    const feed = async (who: string) => {
      const response = await fetch(changesUrl(relay.url.replace(/\/$/, ''), workspace.ws, 0), {
        headers: { authorization: `Bearer ${tokens[who]}` },
      });
      return changesResponseSchema.parse(await response.json()).changes.find((c) => c.doc === docId);
    };
    expect((await feed(REFERENT))?.readable).toBe(true);
    expect((await feed(DOCTOR))?.readable).toBe(false);
  });

  it('let nobody off the list read or change it, coordinators included; those on it change it', async () => {
    const { room } = await reported();
    const read = await getAcl(COORDINATOR, room);
    expect(read.status).toBe(403);
    expect(JSON.stringify(await read.json())).not.toContain(NURSE);
    for (const members of [[COORDINATOR], [NURSE, REFERENT, COORDINATOR], [NURSE, REFERENT, DOCTOR]]) {
      expect((await setAcl(COORDINATOR, { room, members })).status).toBe(403);
      expect((await setAcl(DOCTOR, { room, members, kind: 'team' })).status).toBe(403);
    }
    const { code } = await framesUntilClosed(room, COORDINATOR);
    expect(code).toBe(CloseCode.forbidden);

    // The référents follow the governance: a référent adds another one, the reporter's device the same.
    expect((await setAcl(REFERENT, { room, members: [NURSE, REFERENT, REFERENT_2] })).status).toBe(200);
    expect((await setAcl(NURSE, { room, members: [NURSE, REFERENT, REFERENT_2] })).status).toBe(200);
    const second = connect(relay.wsUrl, room, { token: tokens[REFERENT_2]! });
    await eventually(() => readReport(second.doc)?.description === TEXT, 10_000, 'the report at the new référent');
    second.destroy();
    // Once off the list, a référent cannot put themselves back.
    expect((await setAcl(REFERENT, { room, members: [NURSE, REFERENT] })).status).toBe(200);
    expect((await setAcl(REFERENT_2, { room, members: [NURSE, REFERENT, REFERENT_2] })).status).toBe(403);
    expect(((await (await getAcl(NURSE, room)).json()) as { members: string[] }).members).toEqual([NURSE, REFERENT]);

    // Each refusal names who was refused.
    const refusals = (await journalOf(room)).filter((e) => e.event === 'refused');
    expect(refusals.some((e) => e.member === COORDINATOR && e.reason === 'acl:read')).toBe(true);
    expect(refusals.some((e) => e.member === COORDINATOR && e.reason === 'acl')).toBe(true);
    expect(refusals.some((e) => e.member === DOCTOR && e.reason === 'acl')).toBe(true);
    expect(refusals.some((e) => e.member === REFERENT_2 && e.reason === 'acl')).toBe(true);
  });

  it('show a référent the list without singling out the reporter; the reporter sees it whole', async () => {
    const { room } = await reported();
    const byReferent = (await (await getAcl(REFERENT, room)).json()) as Record<string, unknown>;
    expect(byReferent.members).toEqual([NURSE, REFERENT].sort());
    expect(byReferent.kind).toBe('report');
    expect(byReferent).not.toHaveProperty('owner');
    expect(byReferent).not.toHaveProperty('updatedBy');
    // A change a référent makes is answered the same way.
    const changed = (await (await setAcl(REFERENT, { room, members: [NURSE, REFERENT] })).json()) as object;
    expect(changed).not.toHaveProperty('owner');
    const byReporter = (await (await getAcl(NURSE, room)).json()) as Record<string, unknown>;
    expect(byReporter.owner).toBe(NURSE);
  });

  it('are journalled without naming who opened, wrote or listed them; outsiders refused are named', async () => {
    const { room } = await reported();
    const referent = connect(relay.wsUrl, room, { token: tokens[REFERENT]! });
    await eventually(() => readReport(referent.doc)?.description === TEXT, 10_000, 'the report at the référent');
    referent.destroy();
    expect((await framesUntilClosed(room, DOCTOR)).code).toBe(CloseCode.forbidden);

    let entries: Entry[] = [];
    await eventually(
      async () => {
        entries = await journalOf(room);
        return entries.filter((e) => e.event === 'close').length >= 2;
      },
      10_000,
      "the reporter's and the référent's sockets journalled closed",
    );
    const own = entries.filter((e) => !(e.event === 'refused' && e.member === DOCTOR));
    expect(own.map((e) => e.event)).toEqual(expect.arrayContaining(['acl', 'open', 'close']));
    for (const e of own) {
      expect([e.member, e.device, e.role, e.address]).toEqual([null, null, null, null]);
      expect(Date.parse(e.t)).not.toBeNaN();
    }
    expect(own.find((e) => e.event === 'acl')?.reason).toBe('members:2');
    const refused = entries.find((e) => e.event === 'refused' && e.member === DOCTOR);
    expect(refused?.reason).toBe('forbidden');
    expect(refused?.role).toBe('member');
    // Asked for by member, the reporter's entries are not found either.
    const byMember = (await (
      await fetch(`${relay.url}journal?ws=${workspace.ws}&member=${NURSE}`, {
        headers: { authorization: `Bearer ${tokens[COORDINATOR]}` },
      })
    ).json()) as { entries: Entry[] };
    expect(byMember.entries.filter((e) => e.room === room)).toEqual([]);
  });

  it('let an observer report: their list and their report reach the référent; no other list of theirs', async () => {
    const { room } = await reported(OBSERVER);
    const referent = connect(relay.wsUrl, room, { token: tokens[REFERENT]! });
    await eventually(() => readReport(referent.doc)?.description === TEXT, 10_000, "the observer's report");
    referent.destroy();
    // The same observer making a care team's room, or a room of no kind, is refused as before.
    for (const kind of ['team', undefined]) {
      const nonce = newRestrictedNonce();
      const other = roomName({
        workspaceId: workspace.ws,
        docId: await restrictedDocId(workspace.ws, OBSERVER, nonce),
      });
      expect((await setAcl(OBSERVER, { room: other, members: [OBSERVER, REFERENT], nonce, kind })).status).toBe(403);
    }
  });

  it("keep the référents' analysis off the reporter's device: not one byte of it, in any room", async () => {
    const { room, docId } = await reported();
    // A référent's device makes the analysis room, its list (the référents) before any byte, as the app does.
    const nonce = newRestrictedNonce();
    const analysisId = await restrictedDocId(workspace.ws, REFERENT, nonce);
    const analysisRoom = roomName({ workspaceId: workspace.ws, docId: analysisId });
    const listed = await setAcl(REFERENT, {
      room: analysisRoom,
      members: [REFERENT, REFERENT_2],
      nonce,
      kind: 'report',
    });
    expect(listed.status).toBe(200);
    const SECRET = 'Cause profonde : double vérification absente';
    const analysis = connect(relay.wsUrl, analysisRoom, { token: tokens[REFERENT]! });
    await whenSynced(analysis);
    analysisText(analysis.doc, docId, 'rootCauses').insert(0, SECRET);
    expect(linkCrex(analysis.doc, docId, 'crex-meeting-0000000001', REFERENT, new Set([REFERENT])).ok).toBe(true);
    // The same référent qualifies the report and answers the reporter there, as the screen does.
    const report = connect(relay.wsUrl, room, { token: tokens[REFERENT]! });
    await eventually(() => readReport(report.doc) !== null, 10_000, 'the report at the référent');
    const referents = new Set([REFERENT]);
    const qualification = { category: 'medicament', severity: 2, avoidability: 'evitable', eigs: false };
    expect(writeQualification(report.doc, qualification, REFERENT, referents).ok).toBe(true);
    expect(moveReportStatus(report.doc, 'a_analyser', REFERENT, referents).ok).toBe(true);
    expect(writeFeedback(report.doc, 'Merci : analysé en équipe.', REFERENT, referents).ok).toBe(true);
    // A second référent reads both.
    const second = connect(relay.wsUrl, analysisRoom, { token: tokens[REFERENT_2]! });
    await eventually(
      () => readAnalysis(second.doc, docId).rootCauses === SECRET,
      10_000,
      'the analysis, second référent',
    );
    second.destroy();
    await eventually(() => readFeedback(report.doc) !== null && report.synced, 10_000, 'the feedback written');
    analysis.destroy();
    report.destroy();

    // The reporter's stock client: their report, its status and the feedback arrive; none of the analysis does.
    const reporter = connect(relay.wsUrl, room, { token: tokens[NURSE]! });
    await eventually(() => readFeedback(reporter.doc)?.text === 'Merci : analysé en équipe.', 10_000, 'the feedback');
    const held = Buffer.from(Y.encodeStateAsUpdate(reporter.doc));
    reporter.destroy();
    const { bytes: reportFrames } = await framesFor(room, NURSE);
    for (const bytes of [held, reportFrames]) {
      expect(bytes.includes(Buffer.from('double vérification'))).toBe(false);
      expect(bytes.includes(Buffer.from('crex-meeting-0000000001'))).toBe(false);
      expect(bytes.includes(Buffer.from('alarm.'))).toBe(false);
    }
    // The analysis room refuses them before any byte; its list is not theirs to read or change.
    const refused = await framesUntilClosed(analysisRoom, NURSE);
    expect(refused.code).toBe(CloseCode.forbidden);
    expect(refused.bytes.includes(Buffer.from('double vérification'))).toBe(false);
    expect(refused.bytes.length).toBe(0);
    expect((await getAcl(NURSE, analysisRoom)).status).toBe(403);
    expect((await setAcl(NURSE, { room: analysisRoom, members: [REFERENT, REFERENT_2, NURSE] })).status).toBe(403);
    const stock = connect(relay.wsUrl, analysisRoom, { token: tokens[NURSE]! });
    const closed = new Promise<number>((resolve) =>
      stock.on('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0)),
    );
    expect(await closed).toBe(CloseCode.forbidden);
    expect(Y.encodeStateVector(stock.doc)).toEqual(Y.encodeStateVector(new Y.Doc()));
    stock.destroy();
    // Their change feed lists the room unreadable, so their device never fetches it in the background.
    const response = await fetch(changesUrl(relay.url.replace(/\/$/, ''), workspace.ws, 0), {
      headers: { authorization: `Bearer ${tokens[NURSE]}` },
    });
    const entry = changesResponseSchema.parse(await response.json()).changes.find((c) => c.doc === analysisId);
    expect(entry?.readable).toBe(false);
  });

  it('serve none of an analysis moved out of a report to a device that syncs the report afterwards', async () => {
    const { room, docId } = await reported();
    // An earlier version wrote the analysis and the CREX link in the report itself; the app's docs keep history.
    const OLD = 'Facteur équipe : transmission orale non tracée';
    const report = connect(relay.wsUrl, room, { doc: new Y.Doc({ gc: false }), token: tokens[REFERENT]! });
    await eventually(() => readReport(report.doc) !== null, 10_000, 'the report at the référent');
    report.doc.getText('alarm.factor_equipe').insert(0, OLD);
    report.doc.getMap('crex').set('concertationId', 'crex-meeting-0000000002');
    // Until it is moved, the reporter's device receives it: what the purge below takes away.
    await eventually(
      async () => (await framesFor(room, NURSE)).bytes.includes(Buffer.from('transmission orale')),
      10_000,
      'the old analysis in the report',
    );
    const nonce = newRestrictedNonce();
    const analysisId = await restrictedDocId(workspace.ws, REFERENT, nonce);
    const analysisRoom = roomName({ workspaceId: workspace.ws, docId: analysisId });
    expect((await setAcl(REFERENT, { room: analysisRoom, members: [REFERENT], nonce, kind: 'report' })).status).toBe(
      200,
    );
    const analysis = connect(relay.wsUrl, analysisRoom, { doc: new Y.Doc({ gc: false }), token: tokens[REFERENT]! });
    await whenSynced(analysis);
    expect(moveLegacyAnalysis(report.doc, analysis.doc, docId)).toBe(true);
    // Another copy of the référent's sees the report emptied: the relay has the deletion.
    const check = connect(relay.wsUrl, room, { token: tokens[REFERENT]! });
    await eventually(
      () => readReport(check.doc) !== null && check.doc.getText('alarm.factor_equipe').length === 0,
      10_000,
      'the deletion on the relay',
    );
    check.destroy();
    report.destroy();
    const reread = connect(relay.wsUrl, analysisRoom, { token: tokens[REFERENT]! });
    await eventually(() => readAnalysis(reread.doc, docId).factor_equipe === OLD, 10_000, 'the analysis moved');
    reread.destroy();
    analysis.destroy();

    // The reporter's device syncing the report from nothing: the report, and not a byte of the old analysis.
    const { bytes } = await framesFor(room, NURSE);
    expect(bytes.includes(Buffer.from(TEXT))).toBe(true);
    expect(bytes.includes(Buffer.from('transmission orale'))).toBe(false);
    expect(bytes.includes(Buffer.from('crex-meeting-0000000002'))).toBe(false);
  });
  it("turn a report sent before rooms had a kind into a report's room, at its reporter's request only", async () => {
    // An earlier version listed the report as a care team's room.
    const nonce = newRestrictedNonce();
    const docId = await restrictedDocId(workspace.ws, NURSE, nonce);
    const room = roomName({ workspaceId: workspace.ws, docId });
    expect((await setAcl(NURSE, { room, members: [NURSE, REFERENT], nonce })).status).toBe(200);
    const doc = new Y.Doc();
    createReport(
      doc,
      {
        occurredAt: new Date(Date.now() - 60_000).toISOString(),
        place: 'domicile',
        description: TEXT,
        nature: 'epr',
        consequences: 'aucune',
        severity: 2,
        patientInformed: false,
      },
      NURSE,
    );
    const provider = connect(relay.wsUrl, room, { doc, token: tokens[NURSE]! });
    await whenSynced(provider);
    provider.destroy();
    // While a care team's, the journal names who opened it: the reporter first of all.
    await eventually(
      async () => (await journalOf(room)).some((e) => e.event === 'close' && e.member === NURSE),
      10_000,
      "the reporter's socket journalled closed, named",
    );
    // A coordinator may read a care team's list: what the conversion ends.
    expect((await getAcl(COORDINATOR, room)).status).toBe(200);
    // A référent on the list asking is not its reporter: it stays a care team's.
    const byReferent = await setAcl(REFERENT, { room, members: [NURSE, REFERENT], kind: 'report' });
    expect(((await byReferent.json()) as { kind: string }).kind).toBe('team');
    // A care team's creator cannot make their room a report's, even one that calls itself a report.
    const caseNonce = newRestrictedNonce();
    const caseId = await restrictedDocId(workspace.ws, DOCTOR, caseNonce);
    const caseRoom = roomName({ workspaceId: workspace.ws, docId: caseId });
    expect((await setAcl(DOCTOR, { room: caseRoom, members: [DOCTOR], nonce: caseNonce })).status).toBe(200);
    const caseDoc = new Y.Doc();
    caseDoc.getMap('meta').set('kind', 'adverseEvent');
    caseDoc.getMap('case').set('label', 'MD · 1941');
    const caseProvider = connect(relay.wsUrl, caseRoom, { doc: caseDoc, token: tokens[DOCTOR]! });
    await whenSynced(caseProvider);
    caseProvider.destroy();
    const byCreator = await setAcl(DOCTOR, { room: caseRoom, members: [DOCTOR], kind: 'report' });
    expect(((await byCreator.json()) as { kind: string }).kind).toBe('team');
    // Its reporter asking: a report's room from now on, closed to the coordinator.
    const byReporter = await setAcl(NURSE, { room, members: [NURSE, REFERENT], kind: 'report' });
    expect(((await byReporter.json()) as { kind: string }).kind).toBe('report');
    expect((await getAcl(COORDINATOR, room)).status).toBe(403);
    expect((await setAcl(COORDINATOR, { room, members: [NURSE, REFERENT, COORDINATOR] })).status).toBe(403);
    // The coordinator reading the journal now finds no name in that room, from before the conversion either.
    const entries = await journalOf(room);
    expect(entries.map((e) => e.event)).toEqual(expect.arrayContaining(['acl', 'open', 'close']));
    const refusedOutsider = (e: Entry) => e.event === 'refused' && e.member === COORDINATOR;
    for (const e of entries.filter((e) => !refusedOutsider(e)))
      expect([e.member, e.device, e.role, e.address]).toEqual([null, null, null, null]);
    const byMember = (await (
      await fetch(`${relay.url}journal?ws=${workspace.ws}&member=${NURSE}`, {
        headers: { authorization: `Bearer ${tokens[COORDINATOR]}` },
      })
    ).json()) as { entries: Entry[] };
    expect(byMember.entries.filter((e) => e.room === room)).toEqual([]);
  });
});

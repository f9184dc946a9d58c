// A référents' analysis of a report never reaches its reporter's device, in any room; what is moved out of a report's
// room is not served to a device that syncs it afterwards; a report sent before rooms had a kind becomes a report's
// room at its reporter's request only (decisions 0037, 0042).
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  analysisText,
  changesResponseSchema,
  changesUrl,
  CloseCode,
  createReport,
  linkCrex,
  moveLegacyAnalysis,
  moveReportStatus,
  newRestrictedNonce,
  readAnalysis,
  readFeedback,
  readReport,
  restrictedDocId,
  roomName,
  writeFeedback,
  writeQualification,
} from '@maillage/shared';
import {
  NURSE,
  REFERENT,
  DOCTOR,
  COORDINATOR,
  REFERENT_2,
  TEXT,
  reportInput,
  useReportRelay,
  type JournalLine,
} from '../support/reportRelay';
import { connect, eventually, whenSynced } from '../support/yClient';

const { fx, tokens, setAcl, getAcl, journalOf, reported, framesFor, framesUntilClosed } = useReportRelay();

describe('adverse-event reports on the relay', () => {
  it("keep the référents' analysis off the reporter's device: not one byte of it, in any room", async () => {
    const { room, docId } = await reported();
    // A référent's device makes the analysis room, its list (the référents) before any byte, as the app does.
    const nonce = newRestrictedNonce();
    const analysisId = await restrictedDocId(fx.workspace.ws, REFERENT, nonce);
    const analysisRoom = roomName({ workspaceId: fx.workspace.ws, docId: analysisId });
    const listed = await setAcl(REFERENT, {
      room: analysisRoom,
      members: [REFERENT, REFERENT_2],
      nonce,
      kind: 'report',
    });
    expect(listed.status).toBe(200);
    const SECRET = 'Cause profonde : double vérification absente';
    const analysis = connect(fx.relay.wsUrl, analysisRoom, { token: tokens[REFERENT]! });
    await whenSynced(analysis);
    analysisText(analysis.doc, docId, 'rootCauses').insert(0, SECRET);
    expect(linkCrex(analysis.doc, docId, 'crex-meeting-0000000001', REFERENT, new Set([REFERENT])).ok).toBe(true);
    // The same référent qualifies the report and answers the reporter there, as the screen does.
    const report = connect(fx.relay.wsUrl, room, { token: tokens[REFERENT]! });
    await eventually(() => readReport(report.doc) !== null, 10_000, 'the report at the référent');
    const referents = new Set([REFERENT]);
    const qualification = { category: 'medicament', severity: 2, avoidability: 'evitable', eigs: false };
    expect(writeQualification(report.doc, qualification, REFERENT, referents).ok).toBe(true);
    expect(moveReportStatus(report.doc, 'a_analyser', REFERENT, referents).ok).toBe(true);
    expect(writeFeedback(report.doc, 'Merci : analysé en équipe.', REFERENT, referents).ok).toBe(true);
    // A second référent reads both.
    const second = connect(fx.relay.wsUrl, analysisRoom, { token: tokens[REFERENT_2]! });
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
    const reporter = connect(fx.relay.wsUrl, room, { token: tokens[NURSE]! });
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
    const stock = connect(fx.relay.wsUrl, analysisRoom, { token: tokens[NURSE]! });
    const closed = new Promise<number>((resolve) =>
      stock.on('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0)),
    );
    expect(await closed).toBe(CloseCode.forbidden);
    expect(Y.encodeStateVector(stock.doc)).toEqual(Y.encodeStateVector(new Y.Doc()));
    stock.destroy();
    // Their change feed lists the room unreadable, so their device never fetches it in the background.
    const response = await fetch(changesUrl(fx.relay.url.replace(/\/$/, ''), fx.workspace.ws, 0), {
      headers: { authorization: `Bearer ${tokens[NURSE]}` },
    });
    const entry = changesResponseSchema.parse(await response.json()).changes.find((c) => c.doc === analysisId);
    expect(entry?.readable).toBe(false);
  });

  it('serve none of an analysis moved out of a report to a device that syncs the report afterwards', async () => {
    const { room, docId } = await reported();
    // An earlier version wrote the analysis and the CREX link in the report itself; the app's docs keep history.
    const OLD = 'Facteur équipe : transmission orale non tracée';
    const report = connect(fx.relay.wsUrl, room, { doc: new Y.Doc({ gc: false }), token: tokens[REFERENT]! });
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
    const analysisId = await restrictedDocId(fx.workspace.ws, REFERENT, nonce);
    const analysisRoom = roomName({ workspaceId: fx.workspace.ws, docId: analysisId });
    expect((await setAcl(REFERENT, { room: analysisRoom, members: [REFERENT], nonce, kind: 'report' })).status).toBe(
      200,
    );
    const analysis = connect(fx.relay.wsUrl, analysisRoom, { doc: new Y.Doc({ gc: false }), token: tokens[REFERENT]! });
    await whenSynced(analysis);
    expect(moveLegacyAnalysis(report.doc, analysis.doc, docId)).toBe(true);
    // Another copy of the référent's sees the report emptied: the relay has the deletion.
    const check = connect(fx.relay.wsUrl, room, { token: tokens[REFERENT]! });
    await eventually(
      () => readReport(check.doc) !== null && check.doc.getText('alarm.factor_equipe').length === 0,
      10_000,
      'the deletion on the relay',
    );
    check.destroy();
    report.destroy();
    const reread = connect(fx.relay.wsUrl, analysisRoom, { token: tokens[REFERENT]! });
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
    const docId = await restrictedDocId(fx.workspace.ws, NURSE, nonce);
    const room = roomName({ workspaceId: fx.workspace.ws, docId });
    expect((await setAcl(NURSE, { room, members: [NURSE, REFERENT], nonce })).status).toBe(200);
    const doc = new Y.Doc();
    createReport(doc, reportInput(), NURSE);
    const provider = connect(fx.relay.wsUrl, room, { doc, token: tokens[NURSE]! });
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
    const caseId = await restrictedDocId(fx.workspace.ws, DOCTOR, caseNonce);
    const caseRoom = roomName({ workspaceId: fx.workspace.ws, docId: caseId });
    expect((await setAcl(DOCTOR, { room: caseRoom, members: [DOCTOR], nonce: caseNonce })).status).toBe(200);
    const caseDoc = new Y.Doc();
    caseDoc.getMap('meta').set('kind', 'adverseEvent');
    caseDoc.getMap('case').set('label', 'MD · 1941');
    const caseProvider = connect(fx.relay.wsUrl, caseRoom, { doc: caseDoc, token: tokens[DOCTOR]! });
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
    const refusedOutsider = (e: JournalLine) => e.event === 'refused' && e.member === COORDINATOR;
    for (const e of entries.filter((e) => !refusedOutsider(e)))
      expect([e.member, e.device, e.role, e.address]).toEqual([null, null, null, null]);
    const byMember = (await (
      await fetch(`${fx.relay.url}journal?ws=${fx.workspace.ws}&member=${NURSE}`, {
        headers: { authorization: `Bearer ${tokens[COORDINATOR]}` },
      })
    ).json()) as { entries: JournalLine[] };
    expect(byMember.entries.filter((e) => e.room === room)).toEqual([]);
  });
});

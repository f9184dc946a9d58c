// An adverse-event report is a room whose list is {its reporter, the quality référents}, set before any byte flows: a
// member who is not a référent, a coordinator too, never receives its bytes over the socket or from the change feed.
// The relay knows it as a report's room: nobody off its list reads or changes the list, the reporter is singled out
// to nobody, the journal does not name who used it, and an observer may report (decision 0032). What is deleted from a
// report's room (an analysis moved out of it) is not served to a device that syncs it afterwards (decision 0042).
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  changesResponseSchema,
  changesUrl,
  CloseCode,
  newRestrictedNonce,
  readReport,
  restrictedDocId,
  roomName,
} from '@maillage/shared';
import {
  NURSE,
  REFERENT,
  DOCTOR,
  COORDINATOR,
  REFERENT_2,
  OBSERVER,
  TEXT,
  useReportRelay,
  type JournalLine,
} from '../support/reportRelay';
import { connect, eventually } from '../support/yClient';

const { fx, tokens, setAcl, getAcl, journalOf, reported, framesUntilClosed } = useReportRelay();

describe('adverse-event reports on the relay', () => {
  it('reach the référent', async () => {
    const { room } = await reported();
    const referent = connect(fx.relay.wsUrl, room, { token: tokens[REFERENT]! });
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
    const doctor = connect(fx.relay.wsUrl, room, { token: tokens[DOCTOR]! });
    const closed = new Promise<number>((resolve) =>
      doctor.on('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0)),
    );
    expect(await closed).toBe(CloseCode.forbidden);
    expect(readReport(doctor.doc)).toBeNull();
    expect(Y.encodeStateVector(doctor.doc)).toEqual(Y.encodeStateVector(new Y.Doc()));
    doctor.destroy();
    // Each refusal is journalled, naming who knocked (never what the report says).
    const journal = (await (
      await fetch(`${fx.relay.url}journal?ws=${fx.workspace.ws}`, {
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
      const response = await fetch(changesUrl(fx.relay.url.replace(/\/$/, ''), fx.workspace.ws, 0), {
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
    const second = connect(fx.relay.wsUrl, room, { token: tokens[REFERENT_2]! });
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
    const referent = connect(fx.relay.wsUrl, room, { token: tokens[REFERENT]! });
    await eventually(() => readReport(referent.doc)?.description === TEXT, 10_000, 'the report at the référent');
    referent.destroy();
    expect((await framesUntilClosed(room, DOCTOR)).code).toBe(CloseCode.forbidden);

    let entries: JournalLine[] = [];
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
      await fetch(`${fx.relay.url}journal?ws=${fx.workspace.ws}&member=${NURSE}`, {
        headers: { authorization: `Bearer ${tokens[COORDINATOR]}` },
      })
    ).json()) as { entries: JournalLine[] };
    expect(byMember.entries.filter((e) => e.room === room)).toEqual([]);
  });

  it('let an observer report: their list and their report reach the référent; no other list of theirs', async () => {
    const { room } = await reported(OBSERVER);
    const referent = connect(fx.relay.wsUrl, room, { token: tokens[REFERENT]! });
    await eventually(() => readReport(referent.doc)?.description === TEXT, 10_000, "the observer's report");
    referent.destroy();
    // The same observer making a care team's room, or a room of no kind, is refused as before.
    for (const kind of ['team', undefined]) {
      const nonce = newRestrictedNonce();
      const other = roomName({
        workspaceId: fx.workspace.ws,
        docId: await restrictedDocId(fx.workspace.ws, OBSERVER, nonce),
      });
      expect((await setAcl(OBSERVER, { room: other, members: [OBSERVER, REFERENT], nonce, kind })).status).toBe(403);
    }
  });
});

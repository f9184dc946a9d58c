// An adverse-event report is a room whose list is {its reporter, the quality référents}, set before any byte flows: a
// member who is not a référent, a coordinator too, never receives its bytes over the socket or from the change feed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import {
  changesResponseSchema,
  changesUrl,
  CloseCode,
  createReport,
  newRestrictedNonce,
  readReport,
  restrictedDocId,
  roomName,
} from '@maillage/shared';
import { startRelayProcess, type RelayProcess } from '../support/relayProcess';
import { newTestWorkspace, type TestWorkspace } from '../support/tokens';
import { connect, eventually, whenSynced } from '../support/yClient';

const NURSE = 'ide-durand01';
const REFERENT = 'ref-qualite1';
const DOCTOR = 'dr-martin-01';
const COORDINATOR = 'coord-leroy1';
const TEXT = 'Pilulier préparé avec la dose du soir dans la case du matin';

let relay: RelayProcess;
let workspace: TestWorkspace;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  relay = await startRelayProcess();
  workspace = await newTestWorkspace();
  for (const [name, role] of [
    [NURSE, 'member'],
    [REFERENT, 'member'],
    [DOCTOR, 'member'],
    [COORDINATOR, 'coordinator'],
  ] as const) {
    tokens[name] = await workspace.token({ member: name, role });
  }
});
afterAll(() => relay.stop());

/** The nurse's report, as the app makes it: a bound id, the list with the nonce, only then the content. */
async function reported(): Promise<{ room: string; docId: string }> {
  const nonce = newRestrictedNonce();
  const docId = await restrictedDocId(workspace.ws, NURSE, nonce);
  const room = roomName({ workspaceId: workspace.ws, docId });
  const listed = await fetch(`${relay.url}acl`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens[NURSE]}` },
    body: JSON.stringify({ room, members: [NURSE, REFERENT], nonce }),
  });
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
    NURSE,
  );
  expect(created.ok).toBe(true);
  const provider = connect(relay.wsUrl, room, { doc, token: tokens[NURSE]! });
  await whenSynced(provider);
  provider.destroy();
  return { room, docId };
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
});

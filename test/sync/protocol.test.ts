// A protocol's collaborative parts through the real relay, written by stock y-websocket clients with the shared
// layout: the steps table co-edited, a thread answered at once by two people, a version a newcomer replays after a
// restart, and an observer whose sign-off never reaches anyone.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addRow,
  createProtocol,
  createVersion,
  listThreads,
  openThread,
  protocolAtVersion,
  readRows,
  replyToThread,
  rowText,
  signOff,
  moveStatus,
  currentSignoffs,
  STEPS,
  type Actor,
  type CommentAnchor,
} from '@maillage/shared';
import { eventually, freshRoom, untilRelayHolds, whenSynced, workspaceOf, writeRefused } from '../support/yClient';
import { Started } from '../support/started';

const started = new Started();
const client = (wsUrl: string, room: string, token?: string) =>
  started.client(wsUrl, room, { doc: new Y.Doc({ gc: false }), ...(token ? { token } : {}) });
afterEach(async () => {
  await started.end();
});

const alice = { memberId: 'member-alice01', name: 'Alice Martin' };
const bruno = { memberId: 'member-bruno01', name: 'Bruno Petit' };
const anchor = (doc: Y.Doc): CommentAnchor =>
  ({
    start: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(doc.getText('passage'), 0)),
    end: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(doc.getText('passage'), 5)),
  }) as CommentAnchor;

describe('a protocol through the relay', () => {
  it('converges when two clients fill the steps table and answer a thread at the same time', async () => {
    const relay = await started.relay();
    const room = await freshRoom();
    const a = client(relay.wsUrl, room);
    const b = client(relay.wsUrl, room);
    await Promise.all([whenSynced(a), whenSynced(b)]);
    createProtocol(a.doc, { title: 'Plaies chroniques' }, alice.memberId);
    const first = addRow(a.doc, STEPS, { quoi: 'Bilan' });
    a.doc.getText('passage').insert(0, 'Bilan infirmier');
    const thread = openThread(a.doc, anchor(a.doc), 'Bilan', alice, { text: 'Quel délai ?' });
    if (!first.ok || !thread.ok) throw new Error('setup');
    await eventually(
      () => readRows(b.doc, STEPS).length === 1 && listThreads(b.doc).length === 1,
      5000,
      'b has the step and the thread',
    );

    addRow(a.doc, STEPS, { quoi: 'Avis médical' });
    addRow(b.doc, STEPS, { quoi: 'Orientation' }, 0);
    rowText(a.doc, STEPS, first.id, 'delai')!.insert(0, 'J0');
    rowText(b.doc, STEPS, first.id, 'qui')!.insert(0, 'IDE');
    replyToThread(a.doc, thread.value.threadId, alice, { text: 'J+2' });
    replyToThread(b.doc, thread.value.threadId, bruno, { text: 'J+3' });
    await eventually(
      () =>
        readRows(a.doc, STEPS).length === 3 &&
        readRows(b.doc, STEPS).length === 3 &&
        listThreads(a.doc)[0]!.messages.length === 3 &&
        listThreads(b.doc)[0]!.messages.length === 3,
      5000,
      'convergence',
    );
    await eventually(
      () => JSON.stringify(readRows(a.doc, STEPS)) === JSON.stringify(readRows(b.doc, STEPS)),
      5000,
      'same table',
    );
    expect(readRows(a.doc, STEPS).map((r) => r.texts.quoi)).toEqual(['Orientation', 'Bilan', 'Avis médical']);
    expect(readRows(a.doc, STEPS)[1]!.texts).toMatchObject({ delai: 'J0', qui: 'IDE' });
    expect(listThreads(a.doc)).toEqual(listThreads(b.doc));
  });

  it('lets a newcomer replay a named version after the relay restarted', async () => {
    const relay = await started.relay({ env: { COMPACT_AFTER_UPDATES: '10' } });
    const room = await freshRoom();
    const a = client(relay.wsUrl, room);
    await whenSynced(a);
    createProtocol(a.doc, { title: 'Diabète gestationnel' }, alice.memberId);
    const step = addRow(a.doc, STEPS, { quoi: 'HGPO à 24 SA' });
    const v1 = createVersion(a.doc, { name: 'v1' }, alice);
    if (!step.ok || !v1.ok) throw new Error('setup');
    for (const ch of ' puis contrôle') {
      rowText(a.doc, STEPS, step.id, 'quoi')!.insert(rowText(a.doc, STEPS, step.id, 'quoi')!.length, ch);
      await new Promise((r) => setImmediate(r));
    }
    rowText(a.doc, STEPS, step.id, 'quoi')!.delete(0, 3);
    await untilRelayHolds(
      relay.wsUrl,
      room,
      (doc) => readRows(doc, STEPS)[0]?.texts.quoi === 'O à 24 SA puis contrôle',
    );
    const again = await relay.restart();
    started.keepRelay(again);
    const c = client(again.wsUrl, room);
    await whenSynced(c);
    expect(readRows(c.doc, STEPS)[0]!.texts.quoi).toBe('O à 24 SA puis contrôle');
    expect(readRows(protocolAtVersion(c.doc, v1.value.id)!, STEPS)[0]!.texts.quoi).toBe('HGPO à 24 SA');
  });

  it('drops an observer’s sign-off at the relay: the lead never sees it', async () => {
    const relay = await started.relay();
    const room = await freshRoom();
    const observerToken = await workspaceOf(room).token({ role: 'observer', member: 'member-ars0001' });
    const lead = client(relay.wsUrl, room);
    await whenSynced(lead);
    const leadActor: Actor = { ...alice, role: 'member', profession: 'medecin_generaliste', isLead: true };
    createProtocol(lead.doc, { title: 'Canicule' }, alice.memberId);
    moveStatus(lead.doc, 'relecture', leadActor);
    const observer = client(relay.wsUrl, room, observerToken);
    await whenSynced(observer);
    await eventually(
      () => observer.doc.getMap('header').get('status') === 'relecture',
      5000,
      'observer reads the status',
    );
    // A tampered client skips the UI's checks and writes anyway: the relay is the gate.
    const refused = writeRefused(observer);
    signOff(observer.doc, {
      memberId: 'member-ars0001',
      name: 'ARS',
      role: 'member',
      profession: 'autre',
      isLead: false,
    });
    expect(await refused).toBe('observers cannot write');
    // Handled and dropped: a colleague joining now reads the room as the relay holds it.
    const colleague = client(relay.wsUrl, room);
    await whenSynced(colleague);
    expect(currentSignoffs(lead.doc)).toEqual([]);
    expect(currentSignoffs(colleague.doc)).toEqual([]);
  });
});

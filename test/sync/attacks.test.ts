// Attacks from inside a workspace run against the real relay (docs/decisions/0021): members and observers, what held and
// what was fixed. attacksFromOutside.test.ts holds those from outside.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import type * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { CloseCode } from '@maillage/shared';
import { startRelayProcess, type RelayProcess } from '../support/relayProcess';
import { openSocket } from '../support/rawSocket';
import { closeOf, connect, eventually, freshRoom, roomUrl, whenSynced, workspaceOf } from '../support/yClient';
import { metricValue } from '../support/metrics';

/** sync step 1 with an empty state vector: "send me everything you have". */
const EMPTY_STEP1 = Uint8Array.of(0, 0, 1, 0);
/** sync step 1 with this document's state vector: "send me what I lack". */
function step1Of(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}
/** queryAwareness: "send me every presence in the room". */
const QUERY_AWARENESS = Uint8Array.of(3);

/** The raw TCP socket under a `ws` client, to stop reading it as an attacker that never reads would. */
const tcpOf = (ws: WebSocket) => (ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;

/** A room holding `bytes` of text, written by a stock client that then leaves. */
async function roomOf(relay: RelayProcess, bytes: number): Promise<string> {
  const room = await freshRoom();
  const writer = connect(relay.wsUrl, room);
  await whenSynced(writer);
  writer.doc.getText('t').insert(0, 'x'.repeat(bytes));
  const reader = connect(relay.wsUrl, room);
  await eventually(() => reader.doc.getText('t').length === bytes, 10_000, 'the text at a reader');
  writer.destroy();
  reader.destroy();
  return room;
}

describe('a member or an observer', () => {
  let relay: RelayProcess;
  beforeAll(async () => {
    relay = await startRelayProcess({ env: { MAX_BUFFERED_BYTES: String(2 * 1024 * 1024) } });
  });
  afterAll(() => relay.stop());

  // Each step 1 is answered with the whole room: 4 bytes in, the room out. Broadcasts closed a reader past
  // MAX_BUFFERED_BYTES, but these answers went out unchecked: 300 of them held 60 MB in the relay for one socket.
  for (const [what, message, role] of [
    ['sync step 1', EMPTY_STEP1, 'observer'],
    ['queryAwareness', QUERY_AWARENESS, 'member'],
  ] as const) {
    it(`cannot make the relay buffer without bound by repeating ${what} and never reading (${role})`, async () => {
      const room = await roomOf(relay, 200_000);
      const workspace = workspaceOf(room);
      let answerBytes = 200_000;
      let peers: ReturnType<typeof connect>[] = [];
      if (what === 'queryAwareness') {
        // A room full of presence: 25 sockets of one member, each with its largest state (~4 KiB).
        const token = await workspace.token();
        peers = Array.from({ length: 25 }, () => connect(relay.wsUrl, room, { token }));
        await Promise.all(peers.map((p) => whenSynced(p)));
        for (const p of peers) p.awareness.setLocalState({ name: 'n'.repeat(4000) });
        const watcher = connect(relay.wsUrl, room, { token });
        await eventually(() => watcher.awareness.getStates().size >= 25, 10_000, 'every presence at a watcher');
        watcher.destroy();
        answerBytes = 25 * 4000;
      }
      const attacker = await openSocket(roomUrl(relay.wsUrl, room, await workspace.token({ role })));
      tcpOf(attacker).pause();
      const before = await metricValue(relay, `maillage_refusals_total{reason="slowReader"}`);
      const COUNT = 300;
      for (let i = 0; i < COUNT; i++) attacker.send(message);
      const type = what === 'queryAwareness' ? 'queryAwareness' : 'syncStep1';
      await eventually(
        async () => (await metricValue(relay, `maillage_messages_total{type="${type}"}`)) >= COUNT,
        10_000,
        'every message handled',
      );
      let received = 0;
      attacker.on('message', (data: Buffer) => void (received += data.byteLength));
      const closed = new Promise<number>((resolve) => attacker.once('close', (code) => resolve(code)));
      tcpOf(attacker).resume();
      // Either the relay cut it off, or everything asked for arrives (then the test fails on the code below).
      await Promise.race([closed, eventually(() => received >= COUNT * answerBytes * 0.9, 15_000, 'every answer')]);
      attacker.terminate();
      expect(await metricValue(relay, `maillage_refusals_total{reason="slowReader"}`)).toBe(before + 1);
      expect(received).toBeLessThan(COUNT * answerBytes * 0.5);
      for (const peer of peers) peer.destroy();
    }, 30_000);
  }
});

describe('an observer', () => {
  let relay: RelayProcess;
  beforeAll(async () => {
    relay = await startRelayProcess();
  });
  afterAll(() => relay.stop());

  // The state vector of a sync step 1 went to Yjs unchecked, inside the read that quarantines a room when it throws:
  // five bytes from any reader locked the room (the catalogue as well) away from everyone, across restarts.
  for (const [what, stateVector] of [
    ['a truncated state vector', Uint8Array.of(5)],
    ['a count past its entries', Uint8Array.of(2, 1, 1)],
    ['an overlong varint', Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01)],
  ] as const) {
    it(`cannot quarantine a room with ${what} in its sync step 1`, async () => {
      for (const live of [false, true]) {
        // Both ways the relay answers: from the stored history, and from a doc holding updates received since.
        const room = await roomOf(relay, 1_000);
        const workspace = workspaceOf(room);
        const writer = live ? connect(relay.wsUrl, room) : null;
        if (writer) {
          await whenSynced(writer);
          const persisted = await metricValue(relay, 'maillage_updates_persisted_total');
          writer.doc.getText('t').insert(0, 'live ');
          await eventually(
            async () => (await metricValue(relay, 'maillage_updates_persisted_total')) > persisted,
            5_000,
            'the edit stored',
          );
        }
        const token = await workspace.token({ role: 'observer' });
        const message = Uint8Array.of(0, 0, stateVector.length, ...stateVector);
        const { code } = await closeOf(roomUrl(relay.wsUrl, room, token), (ws) => ws.send(message));
        expect(code).toBe(CloseCode.malformedMessage);
        const reader = connect(relay.wsUrl, room);
        await whenSynced(reader);
        expect(reader.doc.getText('t').length).toBeGreaterThanOrEqual(1_000);
        reader.destroy();
        writer?.destroy();
      }
      expect(await metricValue(relay, 'maillage_rooms_quarantined')).toBe(0);
    });
  }
});

describe('an observer asking for the room again and again, reading every answer', () => {
  let relay: RelayProcess;
  beforeAll(async () => {
    relay = await startRelayProcess();
  });
  afterAll(() => relay.stop());

  // Each 7-byte step 1 made the relay build the whole room again (~10 ms for 50,000 entries) and send it: 400 in one
  // read held the event loop 4.2 s (another room's edit waited as long) and sent 312 MB.
  it('gets its answers at the pace of its budget of answer bytes', async () => {
    const room = await freshRoom();
    const writer = connect(relay.wsUrl, room);
    await whenSynced(writer);
    const map = writer.doc.getMap('m');
    writer.doc.transact(() => {
      for (let i = 0; i < 50_000; i++) map.set(`k${i}`, i);
    });
    const reader = connect(relay.wsUrl, room);
    await eventually(() => reader.doc.getMap('m').size === 50_000, 20_000, 'the room at a reader');
    const lacksNothing = step1Of(reader.doc);
    reader.destroy();
    const attacker = await openSocket(roomUrl(relay.wsUrl, room, await workspaceOf(room).token({ role: 'observer' })));
    const answers: number[] = [];
    attacker.on('message', (data: Buffer) => {
      if (data[0] === 0 && data[1] === 1) answers.push(data.byteLength);
    });
    const ASKED = 400;
    const started = performance.now();
    for (let i = 0; i < ASKED; i++) attacker.send(EMPTY_STEP1);
    // Last, a step 1 that lacks nothing: its answer is a few bytes, and comes after every other on this socket.
    attacker.send(lacksNothing);
    await eventually(() => answers.some((bytes) => bytes < 100), 20_000, 'the answer to the last step 1');
    const seconds = (performance.now() - started) / 1000;
    const roomBytes = answers[0]!;
    // 16 MiB of burst, then 200 x 16 KiB a second; all the rest collapse into one waiting answer.
    const budget = (1000 + 200 * seconds) * 16 * 1024;
    expect(answers.length).toBeLessThan(60);
    expect(answers.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(budget + roomBytes);
    attacker.close();
    writer.destroy();
  }, 30_000);
});

describe('an observer claiming huge clocks', () => {
  let relay: RelayProcess;
  beforeAll(async () => {
    relay = await startRelayProcess();
  });
  afterAll(() => relay.stop());

  it('gets an answer that sends nothing it lacks, and the room stays open', async () => {
    const room = await roomOf(relay, 1_000);
    const attacker = await openSocket(roomUrl(relay.wsUrl, room, await workspaceOf(room).token({ role: 'observer' })));
    const answers: Buffer[] = [];
    attacker.on('message', (data: Buffer) => answers.push(data));
    // Three clients, each at the largest clock a varint may carry (2^53 - 1).
    const huge = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f];
    const stateVector = [3, 1, ...huge, 2, ...huge, 0xff, 0xff, 0xff, 0xff, 0x0f, ...huge];
    attacker.send(Uint8Array.of(0, 0, stateVector.length, ...stateVector));
    await eventually(() => answers.some((a) => a[0] === 0 && a[1] === 1), 5_000, 'a sync step 2');
    // The writer's client is not among the three: the whole text comes back, nothing more.
    expect(answers.find((a) => a[0] === 0 && a[1] === 1)!.byteLength).toBeLessThan(1_200);
    attacker.close();
    expect(await metricValue(relay, 'maillage_rooms_quarantined')).toBe(0);
  });
});

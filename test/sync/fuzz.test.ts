// Random and mutated y-websocket frames against the real relay: it never crashes and a room's other clients never notice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { startRelayProcess, type RelayProcess } from '../support/relayProcess';
import { connect, eventually, freshRoom, roomUrl, whenSynced } from '../support/yClient';

let relay: RelayProcess;
beforeAll(async () => {
  relay = await startRelayProcess({ env: { MAX_MESSAGE_BYTES: String(64 * 1024) } });
});
afterAll(() => relay.stop());

/** A real update, so mutations start from something the parser nearly accepts. */
function validUpdateFrame(): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'bonjour');
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 2);
  encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(doc));
  return encoding.toUint8Array(e);
}

const mutated = fc
  .tuple(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }), fc.nat())
  .map(([flips, cut]) => {
    const frame = validUpdateFrame();
    for (const [at, value] of flips) frame[at % frame.length] = value;
    return frame.slice(0, 1 + (cut % frame.length));
  });
const hugeLength = fc.constantFrom(
  new Uint8Array([0, 2, 0xff, 0xff, 0xff, 0xff, 0x0f]),
  new Uint8Array([1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]),
);
const frames = fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 128 }), mutated, hugeLength);

function sendAndWait(url: string, payloads: Uint8Array[]): Promise<void> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    const done = () => resolve();
    ws.on('open', () => {
      for (const p of payloads) ws.send(p);
      setTimeout(() => ws.terminate(), 50);
    });
    ws.on('close', done);
    ws.on('error', done);
  });
}

describe('relay fuzzing', () => {
  it('survives random and mutated frames while a witness keeps syncing', async () => {
    const room = await freshRoom();
    const a = connect(relay.wsUrl, room);
    const b = connect(relay.wsUrl, room);
    await Promise.all([whenSynced(a), whenSynced(b)]);
    let round = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(frames, { minLength: 1, maxLength: 5 }), async (payloads) => {
        await sendAndWait(roomUrl(relay.wsUrl, room), payloads);
        round++;
        if (round % 25 === 0) {
          a.doc.getArray<number>('rounds').push([round]);
          await eventually(() => b.doc.getArray('rounds').length === round / 25, 5000, 'witness update');
        }
      }),
      { numRuns: 150 },
    );
    const health = await fetch(`${relay.url}healthz`);
    expect(health.status).toBe(200);
    expect(a.doc.getText('t').toString()).toBe(b.doc.getText('t').toString());
    a.destroy();
    b.destroy();
  });
});

// Bad input closes only the offending socket, with a named code and reason; everyone else keeps syncing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import { CloseCode } from '@maillage/shared';
import type { WebsocketProvider } from 'y-websocket';
import { startRelayProcess, type RelayProcess } from '../support/relayProcess';
import { closeOf, connect, eventually, freshRoom, roomUrl, whenSynced } from '../support/yClient';

let relay: RelayProcess;
beforeAll(async () => {
  relay = await startRelayProcess({ env: { MAX_MESSAGE_BYTES: String(64 * 1024) } });
});
afterAll(() => relay.stop());

const frame = (...parts: (number | Uint8Array)[]) => {
  const e = encoding.createEncoder();
  for (const p of parts) typeof p === 'number' ? encoding.writeVarUint(e, p) : encoding.writeVarUint8Array(e, p);
  return encoding.toUint8Array(e);
};

async function withWitness(run: (room: string) => Promise<void>): Promise<void> {
  const room = await freshRoom();
  const a: WebsocketProvider = connect(relay.wsUrl, room);
  const b: WebsocketProvider = connect(relay.wsUrl, room);
  await Promise.all([whenSynced(a), whenSynced(b)]);
  await run(room);
  a.doc.getText('t').insert(0, 'toujours là');
  await eventually(() => b.doc.getText('t').toString() === 'toujours là', 5000, 'witness still syncing');
  a.destroy();
  b.destroy();
}

describe('relay under bad input', () => {
  const cases: [string, Uint8Array | string, number][] = [
    [
      'garbage bytes',
      new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]),
      CloseCode.malformedMessage,
    ],
    ['an unknown message type', frame(9, new Uint8Array([1])), CloseCode.malformedMessage],
    ['an unknown sync step', frame(0, 7, new Uint8Array([0])), CloseCode.malformedMessage],
    ['a truncated length', new Uint8Array([0, 2, 200]), CloseCode.malformedMessage],
    ['an update Yjs cannot read', frame(0, 2, new Uint8Array([5, 200, 1, 2, 3])), CloseCode.malformedMessage],
    ['a text frame', 'bonjour', CloseCode.malformedMessage],
    ['an oversized message', frame(0, 2, new Uint8Array(100 * 1024)), CloseCode.messageTooLarge],
  ];
  for (const [what, payload, code] of cases) {
    it(`closes a socket that sends ${what}, and only that one`, async () => {
      await withWitness(async (room) => {
        const closed = await closeOf(roomUrl(relay.wsUrl, room), (ws) => ws.send(payload));
        expect(closed.code).toBe(code);
        expect(closed.reason.length).toBeGreaterThan(0);
      });
    });
  }

  it('refuses a room name that is not ours', async () => {
    expect((await closeOf(`${relay.wsUrl}/not-a-room`)).code).toBe(CloseCode.unknownRoom);
    expect((await closeOf(`${relay.url}elsewhere`.replace('http', 'ws'))).code).toBe(CloseCode.unknownRoom);
  });

  it('refuses a client speaking another major protocol version', async () => {
    const room = await freshRoom();
    const closed = await closeOf(`${roomUrl(relay.wsUrl, room)}&v=2.0`);
    expect(closed).toEqual({ code: CloseCode.protocolVersion, reason: 'protocol version not supported' });
  });

  it('still answers its health check', async () => {
    const health = (await (await fetch(`${relay.url}healthz`)).json()) as { status: string };
    expect(health.status).toBe('ok');
  });
});

// No client is left behind: a fast writer is paced, not closed; a reader cut off for being slow comes back and catches up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { WebsocketProvider } from 'y-websocket';
import { CloseCode } from '@maillage/shared';
import { startRelayProcess, type RelayProcess } from '../support/relayProcess';
import { connect, eventually, freshRoom, roomUrl, whenSynced } from '../support/yClient';
import { metricValue } from '../support/metrics';

const BURST = 10_000;

/** Every close code a provider's sockets were closed with, in order. */
function closesOf(provider: WebsocketProvider): number[] {
  const codes: number[] = [];
  provider.on('connection-close', (event) => {
    if (event) codes.push(event.code);
  });
  return codes;
}

/** The `ws` socket under a stock provider's WebSocket (the polyfill in Node), to stop and restart its reading. */
const tcpOf = (provider: WebsocketProvider) =>
  (provider.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;

describe('a fast writer is paced, not closed', () => {
  let relay: RelayProcess;
  // The burst is past the bucket (1,000) tenfold; the refill is raised only so the test takes seconds, not 45.
  beforeAll(async () => {
    relay = await startRelayProcess({ env: { RATE_PER_SECOND: '2000', RATE_BURST: '1000' } });
  });
  afterAll(() => relay.stop());

  it(`delivers a ${BURST.toLocaleString('en')}-update burst from a stock client to another one and to the store`, async () => {
    const room = await freshRoom();
    const writer = connect(relay.wsUrl, room);
    const reader = connect(relay.wsUrl, room);
    const writerCloses = closesOf(writer);
    await Promise.all([whenSynced(writer), whenSynced(reader)]);
    const list = writer.doc.getArray<number>('burst');
    // One update per push, as an import that writes item by item would send them.
    for (let i = 0; i < BURST; i++) list.push([i]);
    await eventually(() => reader.doc.getArray('burst').length === BURST, 40_000, 'the whole burst at the reader');
    expect(reader.doc.getArray('burst').toArray()).toEqual(list.toArray());
    expect(writerCloses).toEqual([]);
    expect(await metricValue(relay, 'maillage_paced_total')).toBeGreaterThan(0);
    writer.destroy();
    reader.destroy();

    relay = await relay.restart();
    const later = connect(relay.wsUrl, room);
    await whenSynced(later);
    expect(later.doc.getArray('burst').length).toBe(BURST);
    later.destroy();
  }, 60_000);
});

describe('a reader that stops reading', () => {
  let relay: RelayProcess;
  beforeAll(async () => {
    relay = await startRelayProcess({ env: { MAX_BUFFERED_BYTES: '262144' } });
  });
  afterAll(() => relay.stop());

  it('is cut off with slowReader; a stock client then comes back and catches up', async () => {
    const room = await freshRoom();
    const writer = connect(relay.wsUrl, room);
    const stalled = connect(relay.wsUrl, room);
    const stalledCloses = closesOf(stalled);
    await Promise.all([whenSynced(writer), whenSynced(stalled)]);
    const raw = new WebSocket(roomUrl(relay.wsUrl, room));
    const rawClosed = new Promise<number>((resolve) => raw.once('close', (code) => resolve(code)));
    await new Promise((resolve) => raw.once('open', resolve));
    // Both stop reading: the relay's buffers for them can only grow.
    const stalledTcp = tcpOf(stalled);
    stalledTcp.pause();
    (raw as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause();

    const text = writer.doc.getText('t');
    for (let i = 0; (await metricValue(relay, 'maillage_refusals_total{reason="slowReader"}')) < 2; i++) {
      if (i >= 96) throw new Error('the stalled readers were never cut off');
      text.insert(text.length, String(i % 10).repeat(500_000));
    }
    // Written after the cut: only a reconnection brings it to the stalled client.
    text.insert(0, 'après la coupure ');

    stalledTcp.resume();
    (raw as unknown as { _socket: { pause(): void; resume(): void } })._socket.resume();
    expect(await rawClosed).toBe(CloseCode.slowReader);
    await eventually(
      () => stalled.doc.getText('t').toString() === text.toString(),
      20_000,
      'the stalled client caught up',
    );
    expect(stalledCloses).toEqual([CloseCode.slowReader]);
    writer.destroy();
    stalled.destroy();
  });
});

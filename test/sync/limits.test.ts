// Limits and observability: a flooding client is cut off with a named code; /metrics counts what happened.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CloseCode } from '@maillage/shared';
import { startRelayProcess, type RelayProcess } from '../support/relayProcess';
import { connect, eventually, freshRoom, roomUrl, whenSynced } from '../support/yClient';

let relay: RelayProcess;
beforeAll(async () => {
  relay = await startRelayProcess({ env: { RATE_PER_SECOND: '20', RATE_BURST: '40' } });
});
afterAll(() => relay.stop());

describe('relay limits', () => {
  it('closes a flooding client with rateLimited and keeps serving the room', async () => {
    const room = await freshRoom();
    const a = connect(relay.wsUrl, room);
    const b = connect(relay.wsUrl, room);
    await Promise.all([whenSynced(a), whenSynced(b)]);
    const closed = await new Promise<{ code: number; reason: string }>((resolve) => {
      const ws = new WebSocket(roomUrl(relay.wsUrl, room));
      ws.on('open', () => {
        for (let i = 0; i < 200; i++) ws.send(new Uint8Array([3]));
      });
      ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    });
    expect(closed.code).toBe(CloseCode.rateLimited);
    expect(closed.reason).toMatch(/too many messages/);
    a.doc.getText('t').insert(0, 'encore là');
    await eventually(() => b.doc.getText('t').toString() === 'encore là', 5000, 'room still served');
    a.destroy();
    b.destroy();
  });

  it('exposes Prometheus metrics', async () => {
    const text = await (await fetch(`${relay.url}metrics`)).text();
    expect(text).toMatch(/^# TYPE maillage_connections gauge$/m);
    expect(text).toMatch(/^maillage_refusals_total\{reason="rateLimited"\} [1-9]/m);
    expect(text).toMatch(/^maillage_updates_persisted_total [1-9]/m);
    expect(text).toMatch(/^maillage_persist_seconds_count [1-9]/m);
    expect(text).toMatch(/^maillage_messages_total\{type="update"\} [1-9]/m);
  });
});

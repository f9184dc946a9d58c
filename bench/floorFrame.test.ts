import { afterEach, describe, expect, it } from 'vitest';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { frameBinary } from './floorFrame';

const servers: WebSocketServer[] = [];
afterEach(async () => {
  for (const wss of servers.splice(0)) {
    for (const ws of wss.clients) ws.terminate();
    await new Promise((done) => wss.close(done));
  }
});

describe("the floor's frames", { timeout: 30_000 }, () => {
  it('reach a ws client intact whatever their length (every header size), written under ws as the floor does', async () => {
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    servers.push(wss);
    await new Promise((done) => wss.once('listening', done));
    const serverSide = new Promise<WebSocket>((resolve) => wss.once('connection', resolve));
    const client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`);
    const received: Buffer[] = [];
    client.on('message', (data: Buffer) => received.push(data));
    await new Promise((done) => client.once('open', done));
    const raw = ((await serverSide) as unknown as { _socket: Socket })._socket;
    const sent = [0, 1, 125, 126, 127, 65535, 65536, 70000].map((n, s) =>
      Uint8Array.from({ length: n }, (_, i) => (i * 31 + s) & 0xff),
    );
    for (const m of sent) raw.write(frameBinary(m));
    // The test's timeout is the only bound on a slow machine.
    while (received.length < sent.length) await new Promise((r) => setTimeout(r, 10));
    const hex = (messages: Uint8Array[]) => messages.map((m) => Buffer.from(m).toString('hex'));
    expect(hex(received)).toEqual(hex(sent));
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { frameBinary, sendFramed } from './framedSend';

const servers: WebSocketServer[] = [];
afterEach(async () => {
  for (const wss of servers.splice(0)) {
    for (const ws of wss.clients) ws.terminate();
    await new Promise((done) => wss.close(done));
  }
});

/** A server socket and a client that collects what it receives. */
async function pair(perMessageDeflate: boolean): Promise<{ server: WebSocket; received: Buffer[]; client: WebSocket }> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate });
  servers.push(wss);
  await new Promise((done) => wss.once('listening', done));
  const serverSide = new Promise<WebSocket>((resolve) => wss.once('connection', resolve));
  const client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`, { perMessageDeflate });
  const received: Buffer[] = [];
  client.on('message', (data: Buffer) => received.push(data));
  await new Promise((done) => client.once('open', done));
  return { server: await serverSide, received, client };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
};

const message = (length: number, seed: number) => Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff);
// Every header size: 7-bit length, 16-bit, 64-bit.
const LENGTHS = [0, 1, 125, 126, 127, 65535, 65536, 70000];

describe('framed broadcast', () => {
  it('delivers each message intact whatever its length, written as is (ws is not asked to frame it)', async () => {
    const { server, received } = await pair(false);
    const viaWs = vi.spyOn(server, 'send');
    const sent = LENGTHS.map((n, i) => message(n, i));
    for (const m of sent) sendFramed(server, frameBinary(m));
    await until(() => received.length === sent.length);
    expect(received.map((b) => [...b])).toEqual(sent.map((m) => [...m]));
    expect(viaWs).not.toHaveBeenCalled();
  });

  it('keeps order with messages ws sends itself (pings, replies)', async () => {
    const { server, received } = await pair(false);
    const sent = Array.from({ length: 50 }, (_, i) => message(10 + i, i));
    sent.forEach((m, i) => (i % 3 === 0 ? server.send(m) : sendFramed(server, frameBinary(m))));
    await until(() => received.length === sent.length);
    expect(received.map((b) => [...b])).toEqual(sent.map((m) => [...m]));
  });

  it('falls back to ws when a socket negotiated compression', async () => {
    const { server, received } = await pair(true);
    const viaWs = vi.spyOn(server, 'send');
    const sent = [message(2000, 1), message(10, 2), message(70000, 3)];
    for (const m of sent) sendFramed(server, frameBinary(m));
    await until(() => received.length === sent.length);
    expect(received.map((b) => [...b])).toEqual(sent.map((m) => [...m]));
    expect(viaWs).toHaveBeenCalledTimes(3);
  });

  it('sends nothing to a closing socket', async () => {
    const { server, received, client } = await pair(false);
    const closed = new Promise((done) => client.once('close', done));
    server.close(1000);
    sendFramed(server, frameBinary(message(5, 5)));
    await closed;
    expect(received).toEqual([]);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { broadcastMessage, sendBroadcast } from './broadcastMessage';

const servers: WebSocketServer[] = [];
afterEach(async () => {
  for (const wss of servers.splice(0)) {
    for (const ws of wss.clients) ws.terminate();
    await new Promise((done) => wss.close(done));
  }
});

interface Peer {
  server: WebSocket;
  client: WebSocket;
  received: Buffer[];
}

/** One server socket per entry of `deflate`, each with a client (compressing or not) that collects what it receives. */
async function peers(deflate: boolean[]): Promise<Peer[]> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: { threshold: 0 } });
  servers.push(wss);
  await new Promise((done) => wss.once('listening', done));
  const url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`;
  const out: Peer[] = [];
  for (const perMessageDeflate of deflate) {
    const serverSide = new Promise<WebSocket>((resolve) => wss.once('connection', resolve));
    const client = new WebSocket(url, { perMessageDeflate });
    const received: Buffer[] = [];
    client.on('message', (data: Buffer) => received.push(data));
    await new Promise((done) => client.once('open', done));
    out.push({ server: await serverSide, client, received });
  }
  return out;
}

/** Resolves once `check` holds: the test's timeout is the only bound on a slow machine. */
const until = async (check: () => boolean) => {
  while (!check()) await new Promise((r) => setTimeout(r, 10));
};
/** Messages as hex, compared whole: element by element, 70 KB messages took most of a test's time. */
const hex = (messages: Uint8Array[]) =>
  messages.map((m) => Buffer.from(m.buffer, m.byteOffset, m.byteLength).toString('hex'));

const bytes = (length: number, seed: number) => Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff);
// Every WebSocket length encoding: 7-bit, 16-bit, 64-bit.
const LENGTHS = [0, 1, 125, 126, 127, 65535, 65536, 70000];

describe('a message broadcast to many sockets', { timeout: 30_000 }, () => {
  it('arrives intact at every socket, whatever its length, compressed or not, one Buffer for all', async () => {
    const all = await peers([false, true, false]);
    const sent = LENGTHS.map((n, i) => broadcastMessage(bytes(n, i)));
    for (const message of sent) for (const { server } of all) sendBroadcast(server, message);
    await until(() => all.every((p) => p.received.length === sent.length));
    for (const { received } of all) expect(hex(received)).toEqual(hex(sent));
  });

  it('writes the header before the payload, in one buffer, and only the bytes of a view', () => {
    const backing = bytes(100, 3);
    const payload = backing.subarray(10, 20);
    const message = broadcastMessage(payload, Uint8Array.of(0, 0, 10));
    expect([...message]).toEqual([0, 0, 10, ...payload]);
    const alone = broadcastMessage(payload);
    expect([...alone]).toEqual([...payload]);
    // A view of the payload, not a copy: the bytes are never assembled twice.
    expect(alone.buffer).toBe(backing.buffer);
  });

  it('keeps its order among the other messages a socket is sent', async () => {
    const [{ server, received }] = (await peers([false])) as [Peer];
    const sent = Array.from({ length: 50 }, (_, i) => bytes(10 + i, i));
    sent.forEach((m, i) => (i % 3 === 0 ? server.send(m) : sendBroadcast(server, broadcastMessage(m))));
    await until(() => received.length === sent.length);
    expect(hex(received)).toEqual(hex(sent));
  });

  it('sends nothing to a closing socket, and does not throw', async () => {
    const [{ server, received, client }] = (await peers([false])) as [Peer];
    const closed = new Promise((done) => client.once('close', done));
    server.close(1000);
    sendBroadcast(server, broadcastMessage(bytes(5, 5)));
    await closed;
    expect(received).toEqual([]);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { sendBroadcast } from './sendBroadcast';
import { binaryFrame } from './binaryFrame';
import { rememberStream } from './socketStreams';

const servers: WebSocketServer[] = [];
afterEach(async () => {
  for (const wss of servers.splice(0)) {
    for (const ws of wss.clients) ws.terminate();
    await new Promise((done) => wss.close(done));
  }
});

interface Peer {
  server: WebSocket;
  stream: Duplex;
  client: WebSocket;
  received: Buffer[];
}

/**
 * One server socket per entry of `deflate`, each with a client (compressing or not) that collects what it receives.
 * The server remembers each socket's stream as the relay's upgrade does, unless `streams` is false.
 */
async function peers(deflate: boolean[], streams = true): Promise<Peer[]> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: { threshold: 0 } });
  servers.push(wss);
  await new Promise((done) => wss.once('listening', done));
  const url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`;
  const out: Peer[] = [];
  for (const perMessageDeflate of deflate) {
    const serverSide = new Promise<[WebSocket, Duplex]>((resolve) =>
      wss.once('connection', (ws, req) => resolve([ws, req.socket])),
    );
    const client = new WebSocket(url, { perMessageDeflate });
    const received: Buffer[] = [];
    client.on('message', (data: Buffer) => received.push(data));
    await new Promise((done) => client.once('open', done));
    const [server, stream] = await serverSide;
    if (streams) rememberStream(server, stream);
    out.push({ server, stream, client, received });
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
  it('arrives intact at every socket, whatever its length, written to its stream or sent through ws', async () => {
    const all = [...(await peers([false, true, false])), ...(await peers([false], false))];
    const writes = all.map(({ stream }) => vi.spyOn(stream, 'write'));
    const payloads = LENGTHS.map((n, i) => bytes(n, i));
    const sent = payloads.map((payload) => binaryFrame(payload));
    for (const message of sent) for (const { server } of all) sendBroadcast(server, message);
    await until(() => all.every((p) => p.received.length === sent.length));
    for (const { received } of all) expect(hex(received)).toEqual(hex(payloads));
    // The plain sockets whose stream is known were written one ready frame per message; the compressing one and the
    // one without a known stream went through ws (which writes header and payload apart).
    expect(writes[0]!.mock.calls.map(([frame]) => frame)).toEqual(sent.map((m) => m.frame));
    expect(writes[2]!.mock.calls).toHaveLength(sent.length);
    expect(writes[1]!.mock.calls.some(([frame]) => sent.some((m) => m.frame === frame))).toBe(false);
    expect(writes[3]!.mock.calls.some(([frame]) => sent.some((m) => m.frame === frame))).toBe(false);
  });

  it('frames the header before the prefix and the payload, in one buffer', () => {
    const payload = bytes(100, 3).subarray(10, 20);
    const { frame, message } = binaryFrame(payload, Uint8Array.of(0, 0, 10));
    expect([...frame]).toEqual([0x82, 13, 0, 0, 10, ...payload]);
    expect([...message]).toEqual([0, 0, 10, ...payload]);
    // The message is the frame's own bytes: built once.
    expect(message.buffer).toBe(frame.buffer);
    const long = binaryFrame(bytes(70_000, 1));
    expect([...long.frame.subarray(0, 10)]).toEqual([0x82, 127, 0, 0, 0, 0, 0, 1, 0x11, 0x70]);
  });

  it('keeps its order among the other messages a socket is sent through ws', async () => {
    const [{ server, received }] = (await peers([false])) as [Peer];
    const sent = Array.from({ length: 50 }, (_, i) => bytes(10 + i * 1500, i));
    sent.forEach((m, i) => (i % 3 === 0 ? server.send(m) : sendBroadcast(server, binaryFrame(m))));
    await until(() => received.length === sent.length);
    expect(hex(received)).toEqual(hex(sent));
  });

  it('sends nothing to a closing socket, and does not throw', async () => {
    const [{ server, received, client }] = (await peers([false])) as [Peer];
    const closed = new Promise((done) => client.once('close', done));
    server.close(1000);
    sendBroadcast(server, binaryFrame(bytes(5, 5)));
    await closed;
    expect(received).toEqual([]);
  });
});

// Every close code of the relay, as a stock y-websocket client takes it: retried exactly when it is transient.
// A stub server closes each socket with the code under test: the real relay cannot be made to send every one on demand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket as ServerSocket } from 'ws';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { CloseCode, type CloseCodeName } from '@maillage/shared';

/**
 * The relay's transient closes: a retry can succeed. Every other code of ours is final, so a code added later in
 * 4400-4499 must be final too, or it fails here (stock clients never retry that range).
 */
const TRANSIENT: ReadonlySet<CloseCodeName> = new Set([
  'slowReader',
  'tooManyConnections',
  'storeUnavailable',
  'quotaExceeded',
  'shuttingDown',
]);

let server: WebSocketServer;
let base: string;
const arrivals = new Map<string, number>();

beforeAll(async () => {
  server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  base = `ws://127.0.0.1:${(server.address() as { port: number }).port}`;
  server.on('connection', (ws: ServerSocket, req) => {
    // `/<code>/<room>`: every socket is closed at once with that code, as the relay closes a refused one.
    const path = req.url ?? '/';
    arrivals.set(path, (arrivals.get(path) ?? 0) + 1);
    ws.close(Number(path.split('/')[1]), 'test');
  });
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

const names = Object.keys(CloseCode) as CloseCodeName[];

describe('a stock client after each close of the relay', () => {
  it.each(names)('%s: retried exactly when it is transient', async (name) => {
    const code = CloseCode[name];
    const room = `room-${name}`;
    const provider = new WebsocketProvider(`${base}/${code}`, room, new Y.Doc(), {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    // Either the provider gives up (its `closed` event) or a second socket arrives: whichever comes first says which.
    const outcome = await new Promise<'gave up' | 'retried'>((resolve) => {
      provider.on('closed', () => resolve('gave up'));
      const timer = setInterval(() => {
        if ((arrivals.get(`/${code}/${room}`) ?? 0) >= 2) {
          clearInterval(timer);
          resolve('retried');
        }
      }, 20);
      provider.on('closed', () => clearInterval(timer));
    });
    provider.destroy();
    expect(outcome).toBe(TRANSIENT.has(name) ? 'retried' : 'gave up');
  });
});

// HTTP + WebSocket wiring: health, static client, and the upgrade that admits a socket into a room.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { CloseCode, closeReasons, isSupportedVersion, parseRoom, SYNC_PATH } from '@maillage/shared';
import type { RelayConfig } from './config';
import { openRoomStore } from './persistence';
import { Rooms } from './rooms';
import { serveConnection, startHeartbeat } from './connection';
import { createStaticHandler } from './static';
import { admitEveryone, type Admit } from './admission';
import { log } from './log';

export interface RelayOptions extends Partial<RelayConfig> {
  admit?: Admit;
}

export interface RunningRelay {
  url: string;
  port: number;
  rooms: Rooms;
  close(): Promise<void>;
}

export async function startRelay(options: RelayOptions = {}): Promise<RunningRelay> {
  const config = {
    PORT: 8080, HOST: '127.0.0.1', DATA_DIR: './data', STATIC_DIR: resolve('client/dist'),
    MAX_MESSAGE_BYTES: 8 * 1024 * 1024, EVICT_AFTER_MS: 5_000, COMPACT_AFTER_UPDATES: 500, ...options,
  };
  const admit = options.admit ?? admitEveryone;
  const store = openRoomStore(config.DATA_DIR);
  const rooms = new Rooms(store, { evictAfterMs: config.EVICT_AFTER_MS, compactAfterUpdates: config.COMPACT_AFTER_UPDATES, log });
  const serveStatic = createStaticHandler(resolve(config.STATIC_DIR));
  // ws drops frames past 4x the limit itself (code 1009, no reason); up to that we close with our named code and reason.
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.MAX_MESSAGE_BYTES * 4 });
  const startedAt = Date.now();
  const stopHeartbeat = startHeartbeat();

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify({ status: 'ok', rooms: rooms.size, connections: wss.clients.size, roomLoads: rooms.loads, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) }));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    serveStatic(req, res);
  });

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://relay');
    // The socket is always accepted, then closed with a named code: a browser cannot read a refused handshake's reason.
    wss.handleUpgrade(req, socket, head, async (ws) => {
      const refuse = (code: keyof typeof CloseCode) => {
        log('refused', { reason: code });
        ws.close(CloseCode[code], closeReasons[code]);
      };
      if (!url.pathname.startsWith(`${SYNC_PATH}/`)) return refuse('unknownRoom');
      const roomName = url.pathname.slice(SYNC_PATH.length + 1);
      const room = parseRoom(roomName);
      if (!room) return refuse('unknownRoom');
      const version = url.searchParams.get('v');
      if (version !== null && !isSupportedVersion(version)) return refuse('protocolVersion');
      // Messages arriving while admission runs are held by pausing the socket.
      ws.pause();
      const admission = await admit(req, room);
      ws.resume();
      if (!admission.ok) return refuse(admission.code);
      if (ws.readyState !== ws.OPEN) return;
      serveConnection(ws, roomName, admission.principal, { rooms, log, maxMessageBytes: config.MAX_MESSAGE_BYTES });
    });
  });

  await new Promise<void>((done) => server.listen(config.PORT, config.HOST, done));
  const port = (server.address() as AddressInfo).port;
  const host = config.HOST === '0.0.0.0' ? 'localhost' : config.HOST;

  return {
    url: `http://${host}:${port}/`,
    port,
    rooms,
    close: async () => {
      stopHeartbeat();
      rooms.shutdown();
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((done) => server.close(() => done()));
      store.close();
    },
  };
}

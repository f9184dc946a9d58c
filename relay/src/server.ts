// HTTP + WebSocket wiring: health, static client, and the upgrade that admits a socket into a room.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  CloseCode,
  closeReasons,
  EPOCH_PARAM,
  isSupportedVersion,
  parseRoom,
  SYNC_PATH,
  CHANGES_PATH,
  BACKGROUND_PARAM,
  SYNC_SUBPROTOCOL,
  type CloseCodeName,
} from '@maillage/shared/sync';
import { defaults, type RelayConfig } from './config';
import { openRoomStore } from './persistence';
import { Checkpointer } from './checkpointer';
import { Rooms } from './rooms';
import { serveConnection, type ConnectionDeps } from './connection';
import { Heartbeat } from './heartbeat';
import { createStaticHandler } from './static';
import { admitEveryone, type Admit, type Principal, type Refused } from './admission';
import { tokenAdmission } from './auth';
import { Revocations } from './revocations';
import { Acls } from './acls';
import { Journal } from './journal';
import { withoutReporter } from './reportAnonymity';
import { LiveSockets } from './liveSockets';
import { createAccessRoutes } from './accessRoutes';
import { createChangesRoute } from './changesRoute';
import { RoomHeads } from './heads';
import { FetchSummary } from './fetchSummary';
import { log } from './log';
import { Metrics } from './metrics';
import { holdReading, releaseReading } from './readHolds';
import { ServedWorkspaces } from './servedWorkspaces';
import { WorkspaceQuota } from './workspaceQuota';
import { loggablePath, parseTarget } from './requestTarget';
import { errorText, guardRequest, guardUpgrade } from './guards';
import { RefusalBudget } from './refusalBudget';
import { AddressLimit } from './addressLimit';
import { parseDeclaredEpoch } from './epochGate';

/**
 * A copy of a string cut from a longer one. V8 keeps a slice of 13 characters or more as a view of its parent: a room
 * name sliced from the request URL kept the whole URL, token included (~690 bytes), for as long as the socket lived.
 */
const detached = (text: string) => Buffer.from(text, 'utf8').toString('utf8');

/**
 * A socket's errors until it is attached to a room (a bad frame sent during admission, or after a refusal): ws emits
 * them and an unheard one ends the process.
 */
const errorBeforeAttach = (error: Error & { code?: string }) =>
  log('socket_error', { room: null, error: error.message, code: error.code ?? null });

/** How long a refused socket's peer has to read its close frame and the end of the stream before the socket goes. */
const REFUSED_LINGER_MS = 2_000;

/**
 * A refused socket is read no more: ws would buffer whatever it sends (up to 4 x MAX_MESSAGE_BYTES) while waiting 30 s
 * for its close frame (docs/decisions/0021). The close frame is followed by the end of the stream instead.
 */
function endRefused(ws: WebSocket): void {
  holdReading(ws, 'refused');
  (ws as unknown as { _socket?: Socket })._socket?.end();
  setTimeout(() => ws.terminate(), REFUSED_LINGER_MS).unref();
}

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
  const config = { ...defaults, ...options };
  const store = openRoomStore(config.DATA_DIR, { maxMb: config.MAX_STORE_MB, checkpointInBackground: true });
  const checkpointer = new Checkpointer(store.file, {
    onError: (error) => log('checkpoint_error', { error }),
    restartWal: (reason) => {
      const started = performance.now();
      try {
        store.checkpoint();
        log('wal_restart', { reason, ms: Math.round(performance.now() - started) });
      } catch (err) {
        log('checkpoint_error', { error: err instanceof Error ? err.message : String(err) });
      }
    },
  });
  const revocations = new Revocations(store.db);
  const acls = new Acls(store.db);
  const journal = new Journal(store.db, withoutReporter(acls));
  const heads = new RoomHeads(store.db);
  const fetches = new FetchSummary((entry) => journal.append(entry));
  const live = new LiveSockets();
  const served = new ServedWorkspaces(store.db, config.WORKSPACES);
  const quota =
    config.MAX_WORKSPACE_MB > 0 ? new WorkspaceQuota(store.db, config.MAX_WORKSPACE_MB * 1024 * 1024) : undefined;
  revocations.on('revoked', (r) => live.closeRevoked(r));
  acls.on('changed', (acl) => {
    live.closeRemovedFrom(acl);
    // Listed again in the change feed: a member taken off the list learns to drop their copy.
    heads.changed(acl.room);
  });
  const admit: Admit = options.admit ?? (config.AUTH === 'off' ? admitEveryone : tokenAdmission(revocations, acls));
  // Pending updates are written first, so a room whose first update is still in this turn's batch counts as full.
  const routes = createAccessRoutes({
    revocations,
    journal,
    acls,
    served,
    maxListsPerMember: config.MAX_LISTS_PER_MEMBER,
    hasContent: (room) => {
      rooms.flush();
      return store.hasUpdates(room);
    },
  });
  const metrics = new Metrics();
  const refusalBudget = new RefusalBudget();
  const rooms = new Rooms(store, {
    evictAfterMs: config.EVICT_AFTER_MS,
    compactAfterUpdates: config.COMPACT_AFTER_UPDATES,
    maxBufferedBytes: config.MAX_BUFFERED_BYTES,
    log,
    metrics,
    quota,
    heads,
    epochMinBytes: config.EPOCH_MIN_BYTES,
    epochGrowth: config.EPOCH_GROWTH,
  });
  const changes = createChangesRoute({ heads, acls, revocations, served, flush: () => rooms.flush() });
  // A room whose stored state cannot be read is quarantined (docs/decisions/0015): the journal says so once.
  rooms.onQuarantined = (room) =>
    journal.append({
      ws: room.split('/')[0] ?? null,
      room,
      member: null,
      device: null,
      role: null,
      address: null,
      event: 'refused',
      reason: 'roomUnavailable',
      bytes: 0,
    });
  const serveStatic = createStaticHandler(resolve(config.STATIC_DIR));
  // ws drops frames past 4x the limit itself (code 1009, no reason); up to that we close with our named code and reason.
  // The client offers its token as a second subprotocol (auth.ts): the handshake names the plain one, never the token.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: config.MAX_MESSAGE_BYTES * 4,
    handleProtocols: (offered) => (offered.has(SYNC_SUBPROTOCOL) ? SYNC_SUBPROTOCOL : false),
  });
  const startedAt = Date.now();
  const heartbeat = new Heartbeat();

  const server = createServer(
    guardRequest((req: IncomingMessage, res: ServerResponse) => {
      const target = parseTarget(req.url);
      if (!target) {
        log('bad_request', { method: req.method, path: loggablePath(req.url) });
        res
          .writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' })
          .end('bad request target');
        return;
      }
      const { path } = target;
      if (path === '/healthz') {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
        const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
        const mb = (n: number) => Math.round(n / 1048576);
        res.end(
          JSON.stringify({
            status: 'ok',
            rooms: rooms.size,
            connections: wss.clients.size,
            roomLoads: rooms.loads,
            startedAt: new Date(startedAt).toISOString(),
            uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
            memoryMb: { rss: mb(rss), heapUsed: mb(heapUsed), external: mb(external), arrayBuffers: mb(arrayBuffers) },
          }),
        );
        return;
      }
      if (path === '/metrics') {
        res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4', 'Cache-Control': 'no-store' });
        res.end(
          metrics.render({
            connections: wss.clients.size,
            rooms: rooms.size,
            roomLoads: rooms.loads,
            journalWaiting: journal.waiting,
            journalDropped: journal.dropped,
            refusalsNotJournaled: refusalBudget.skipped,
            addressLimitDropped: addressLimit.dropped,
          }),
        );
        return;
      }
      // Each route's promise is returned to the guard, which catches what it rejects with.
      if (path === '/revoke' && req.method === 'POST') return routes.revoke(req, res);
      if (path === '/journal') return routes.journal(req, res);
      if (path === '/revocations') return routes.revocations(req, res);
      if (path === '/access' && req.method === 'GET') return routes.access(req, res);
      if (path === '/acl' && (req.method === 'GET' || req.method === 'POST')) return routes.acl(req, res);
      if (path === CHANGES_PATH && req.method === 'GET') return changes(req, res);
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      serveStatic(req, res, path);
    }),
  );

  // One address holds a bounded share of the process' file descriptors, whatever it sends or fails to send (0021).
  const addressLimit = new AddressLimit(config.MAX_CONNECTIONS_PER_ADDRESS, log);
  server.on('connection', addressLimit.admit);

  const connectionDeps: ConnectionDeps = {
    rooms,
    log,
    metrics,
    heartbeat,
    maxMessageBytes: config.MAX_MESSAGE_BYTES,
    rate: { perSecond: config.RATE_PER_SECOND, burst: config.RATE_BURST },
  };

  const refuse = (
    ws: WebSocket,
    code: CloseCodeName,
    address: string | null,
    room: string | null = null,
    who?: Refused,
  ) => {
    log('refused', { reason: code });
    metrics.countRefusal(code);
    // A caller no token names is journaled within a budget: else anyone could fill the disk with refusals (0021).
    if (who || refusalBudget.allows(address))
      journal.append({
        ws: room?.split('/')[0] ?? null,
        room,
        member: who?.memberId ?? null,
        device: who?.deviceId ?? null,
        role: who?.role ?? null,
        address,
        event: 'refused',
        reason: code,
        bytes: 0,
      });
    ws.close(CloseCode[code], closeReasons[code]);
    endRefused(ws);
  };

  /** Kept out of the upgrade handler's scope so a live socket's closures never retain its HTTP request. */
  const attach = (
    ws: WebSocket,
    roomName: string,
    workspaceId: string,
    principal: Principal,
    address: string | null,
    background: boolean,
    declaredEpoch: number | null,
  ) => {
    if (rooms.isQuarantined(roomName))
      return refuse(
        ws,
        'roomUnavailable',
        address,
        roomName,
        principal.memberId === null
          ? undefined
          : { memberId: principal.memberId, deviceId: principal.deviceId ?? '', role: principal.role },
      );
    const who = {
      ws: workspaceId,
      room: roomName,
      member: principal.memberId,
      device: principal.deviceId,
      role: principal.role,
      address,
    };
    if (!background) journal.append({ ...who, event: 'open', reason: null, bytes: 0 });
    live.add(ws, workspaceId, roomName, principal, () => metrics.countRefusal('tokenExpired'));
    serveConnection(
      ws,
      roomName,
      principal,
      connectionDeps,
      {
        onWriteDropped: () => journal.append({ ...who, event: 'writeDropped', reason: 'observer', bytes: 0 }),
        onClose: (bytesWritten) => {
          live.remove(ws);
          if (background) fetches.add(who, roomName, bytesWritten);
          else journal.append({ ...who, event: 'close', reason: null, bytes: bytesWritten });
        },
      },
      declaredEpoch,
    );
    // Only now: serveConnection has its own listener, which names the room.
    ws.off('error', errorBeforeAttach);
  };

  const admitSocket = async (ws: WebSocket, req: IncomingMessage) => {
    const address = req.socket.remoteAddress ?? null;
    const target = parseTarget(req.url);
    if (!target?.pathname.startsWith(`${SYNC_PATH}/`)) return refuse(ws, 'unknownRoom', address);
    const roomName = detached(target.pathname.slice(SYNC_PATH.length + 1));
    const room = parseRoom(roomName);
    if (!room) return refuse(ws, 'unknownRoom', address);
    const version = target.query.get('v');
    if (version !== null && !isSupportedVersion(version)) return refuse(ws, 'protocolVersion', address, roomName);
    const declaredEpoch = parseDeclaredEpoch(target.query.get(EPOCH_PARAM));
    if (declaredEpoch === undefined) return refuse(ws, 'malformedMessage', address, roomName);
    // Messages arriving while admission runs are held by pausing the socket.
    holdReading(ws, 'admission');
    const admission = await admit(req, room);
    releaseReading(ws, 'admission');
    if (!admission.ok) return refuse(ws, admission.code, address, roomName, admission.who);
    if (ws.readyState !== ws.OPEN) return;
    const { principal } = admission;
    if (!served.admits(room.workspaceId)) return refuse(ws, 'workspaceNotServed', address, roomName);
    if (
      principal.memberId !== null &&
      live.countOf(room.workspaceId, principal.memberId) >= config.MAX_CONNECTIONS_PER_MEMBER
    ) {
      return refuse(ws, 'tooManyConnections', address, roomName, {
        memberId: principal.memberId,
        deviceId: principal.deviceId ?? '',
        role: principal.role,
      });
    }
    const background = target.query.get(BACKGROUND_PARAM) === '1';
    attach(ws, roomName, room.workspaceId, principal, address, background, declaredEpoch);
  };

  // The socket is always accepted, then closed with a named code: a browser cannot read a refused handshake's reason.
  server.on(
    'upgrade',
    guardUpgrade((req, socket, head) =>
      wss.handleUpgrade(req, socket, head, (ws) => {
        ws.on('error', errorBeforeAttach);
        admitSocket(ws, req).catch((error: unknown) => {
          log('upgrade_error', { path: loggablePath(req.url), error: errorText(error) });
          ws.close(1011, 'internal error');
        });
      }),
    ),
  );

  await new Promise<void>((done) => server.listen(config.PORT, config.HOST, done));
  const port = (server.address() as AddressInfo).port;
  const host = config.HOST === '0.0.0.0' ? 'localhost' : config.HOST;

  return {
    url: `http://${host}:${port}/`,
    port,
    rooms,
    close: async () => {
      heartbeat.stop();
      // No new connection from here on; the callback waits for the open ones, ended just below.
      const serverClosed = new Promise<void>((done) => server.close(() => done()));
      // Sockets next: their close handlers tally background fetches and journal lines, flushed after. A socket that
      // never reports its close does not hold the shutdown past a second.
      const closed = [...wss.clients].map((ws) => new Promise((done) => ws.once('close', done)));
      for (const ws of wss.clients) ws.terminate();
      let waited: NodeJS.Timeout | undefined;
      await Promise.race([Promise.all(closed), new Promise((done) => (waited = setTimeout(done, 1000)))]);
      clearTimeout(waited);
      rooms.shutdown();
      heads.close();
      fetches.stop();
      journal.flush();
      await serverClosed;
      await checkpointer.stop();
      store.close();
    },
  };
}

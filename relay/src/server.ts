// HTTP + WebSocket wiring: the relay's parts built from its settings, its routes, and the upgrade into a room.
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { SYNC_SUBPROTOCOL, type Hosting } from '@maillage/shared/sync';
import { defaults, sharedStoreOf, type RelayConfig } from './config';
import { openSharedRoomLog } from './sharedStore/sharedRoomLog';
import { shareRevocations } from './sharedStore/sharedRevocations';
import { shareAcls } from './sharedStore/sharedAcls';
import { DurableRecords } from './sharedStore/durableRecords';
import { SharedJournal } from './sharedStore/sharedJournal';
import { SharedHeads } from './sharedStore/sharedHeads';
import { SharedStoreGauges } from './sharedStore/sharedStoreGauges';
import { openRoomStore } from './persistence';
import { Checkpointer } from './checkpointer';
import { Rooms } from './rooms';
import type { ConnectionDeps } from './connection';
import { Heartbeat } from './heartbeat';
import { createStaticHandler } from './static';
import { admitEveryone, type Admit } from './admission';
import { tokenAdmission } from './auth';
import { Revocations } from './revocations';
import { Acls } from './acls';
import { holdsOnlyAReport } from './reportConversion';
import { Journal } from './journal';
import { withoutReporter } from './reportAnonymity';
import { LiveSockets } from './liveSockets';
import { createAccessRoutes } from './accessRoutes';
import { createChangesRoute } from './changesRoute';
import { HttpAnswerBudgets } from './httpAnswerBudgets';
import { AddressRequests } from './addressRequests';
import { createFetchRoute } from './fetchRoute';
import { OpenSockets } from './openSockets';
import { createStatusRoutes } from './statusRoutes';
import { RoomHeads } from './heads';
import { FetchSummary } from './fetchSummary';
import { log } from './log';
import { Metrics } from './metrics';
import { ServedWorkspaces } from './servedWorkspaces';
import { WorkspaceQuota } from './workspaceQuota';
import { SharedWorkspaceQuota } from './sharedStore/sharedQuota';
import { guardUpgrade } from './guards';
import { routeRequests } from './httpRoutes';
import { json } from './httpReply';
import { RefusalBudget } from './refusalBudget';
import { AddressLimit } from './addressLimit';
import { createSocketAdmission } from './socketAdmission';

export interface RelayOptions extends Partial<RelayConfig> {
  admit?: Admit;
}

export interface RunningRelay {
  url: string;
  port: number;
  rooms: Rooms;
  close(): Promise<void>;
}

/** How long a relay told to stop waits for the requests it is still answering once everything is written down. */
const STOP_GRACE_MS = 1000;

export async function startRelay(options: RelayOptions = {}): Promise<RunningRelay> {
  const config = { ...defaults, ...options };
  // Several relays share every room only when given Redis and Postgres; otherwise SQLite alone (docs/decisions/0040).
  const sharedUrls = sharedStoreOf(config);
  const sharedStoreError = (err: unknown) =>
    log('shared_store_error', { error: err instanceof Error ? err.message : String(err) });
  const shared = sharedUrls
    ? await openSharedRoomLog(sharedUrls, sharedStoreError, { keepInStreamMs: config.STREAM_KEEP_MS })
    : undefined;
  const sharedGauges = shared && new SharedStoreGauges(shared, sharedStoreError);
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
  const sharedJournal = sharedUrls ? new SharedJournal(sharedUrls.databaseUrl, sharedStoreError) : undefined;
  if (sharedJournal) {
    await sharedJournal.prepare();
    journal.onWritten = (entries) => sharedJournal.add(entries);
  }
  const heads = new RoomHeads(store.db);
  // Several relays share one change feed: its heads are in Redis, where every relay records and reads them (0040).
  const sharedHeads = sharedUrls ? new SharedHeads(sharedUrls, sharedStoreError) : undefined;
  await sharedHeads?.connect();
  const fetches = new FetchSummary((entry) => journal.append(entry));
  const live = new LiveSockets();
  const served = new ServedWorkspaces(store.db, config.WORKSPACES);
  const maxWorkspaceBytes = config.MAX_WORKSPACE_MB * 1024 * 1024;
  // Several relays share one count per workspace, in Redis (0040).
  const quota =
    maxWorkspaceBytes > 0
      ? shared
        ? new SharedWorkspaceQuota(shared.sizes, maxWorkspaceBytes)
        : new WorkspaceQuota(store.db, maxWorkspaceBytes)
      : undefined;
  revocations.on('revoked', (r) => live.closeRevoked(r));
  acls.on('changed', (acl, source) => {
    live.closeRemovedFrom(acl);
    if (acl.kind === 'report') rooms.startPurging(acl.room);
    // Listed again in the change feed: a member taken off the list learns to drop their copy.
    heads.changed(acl.room);
    if (source === 'here') void sharedHeads?.changed(acl.room);
  });
  // Revocations and lists made through other relays sharing the rooms are taken, and closed sockets follow them here.
  // Kept in Postgres too, so that Redis losing its data loses none of them.
  const durable = sharedUrls ? new DurableRecords(sharedUrls.databaseUrl) : undefined;
  await durable?.prepare();
  const sharedRevocations =
    sharedUrls && durable
      ? await shareRevocations(revocations, sharedUrls.redisUrl, durable, sharedStoreError)
      : undefined;
  const sharedAcls =
    sharedUrls && durable ? await shareAcls(acls, sharedUrls.redisUrl, durable, sharedStoreError) : undefined;
  const admit: Admit = options.admit ?? (config.AUTH === 'off' ? admitEveryone : tokenAdmission(revocations, acls));
  // Pending updates are written first, so a room whose first update is still in this turn's batch counts as full.
  const routes = createAccessRoutes({
    revocations,
    journal,
    readJournal:
      sharedJournal &&
      ((query) => {
        journal.flush();
        return sharedJournal.query(query);
      }),
    acls,
    served,
    maxListsPerMember: config.MAX_LISTS_PER_MEMBER,
    hasContent: (room) => {
      rooms.flush();
      if (!shared) return store.hasUpdates(room);
      // The turn's appends first, then what the shared store holds for the room.
      return rooms.settled().then(() => shared.hasContent(room));
    },
    holdsOnlyAReport: (room) => {
      rooms.flush();
      return holdsOnlyAReport(store.load(room));
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
    heads: sharedHeads ? { changed: (room) => void sharedHeads.changed(room), compacted: () => {} } : heads,
    epochMinBytes: config.EPOCH_MIN_BYTES,
    epochGrowth: config.EPOCH_GROWTH,
    // A report's deleted content (an analysis moved out of it) reaches no device that syncs it later (decision 0042).
    purges: (room) => acls.get(room)?.kind === 'report',
    shared,
  });
  const budgets = new HttpAnswerBudgets({ perSecond: config.RATE_PER_SECOND, burst: config.RATE_BURST }, () =>
    metrics.countRefusal('slowDown'),
  );
  const changes = createChangesRoute({
    heads: sharedHeads ?? heads,
    acls,
    revocations,
    served,
    flush: () => rooms.flush(),
    budgets,
  });
  const fetchDocs = createFetchRoute({ rooms, acls, revocations, served, fetches, budgets });
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
  // ws drops frames past 4x the limit itself (code 1009, no reason); up to that we close with our named code and reason.
  // The client offers its token as a second subprotocol (auth.ts): the handshake names the plain one, never the token.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: config.MAX_MESSAGE_BYTES * 4,
    handleProtocols: (offered) => (offered.has(SYNC_SUBPROTOCOL) ? SYNC_SUBPROTOCOL : false),
  });
  const heartbeat = new Heartbeat();
  // One address holds a bounded share of the process' file descriptors, whatever it sends or fails to send (0021).
  const addressLimit = new AddressLimit(config.MAX_CONNECTIONS_PER_ADDRESS, log);
  const status = createStatusRoutes({
    metrics,
    rooms,
    connections: () => wss.clients.size,
    journal,
    refusalBudget,
    addressLimit,
    sharedGauges,
  });

  const server = createServer(
    routeRequests({
      status,
      access: routes,
      changes,
      fetchDocs,
      hosting: (_req, res) => json(res, 200, { newWorkspace: served.takesNew() } satisfies Hosting),
      serveStatic: createStaticHandler(resolve(config.STATIC_DIR)),
      addressRequests: new AddressRequests(config.SIGNED_REQUESTS_PER_ADDRESS),
      onSlowDown: () => metrics.countRefusal('slowDown'),
    }),
  );

  server.on('connection', addressLimit.admit);
  const openSockets = new OpenSockets();
  server.on('connection', openSockets.track);

  const connectionDeps: ConnectionDeps = {
    rooms,
    log,
    metrics,
    heartbeat,
    maxMessageBytes: config.MAX_MESSAGE_BYTES,
    rate: { perSecond: config.RATE_PER_SECOND, burst: config.RATE_BURST },
  };

  server.on(
    'upgrade',
    guardUpgrade(
      createSocketAdmission({
        wss,
        rooms,
        journal,
        live,
        served,
        fetches,
        admit,
        metrics,
        refusalBudget,
        connection: connectionDeps,
        maxConnectionsPerMember: config.MAX_CONNECTIONS_PER_MEMBER,
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
      await rooms.settled();
      sharedGauges?.stop();
      await shared?.close();
      sharedRevocations?.stop();
      sharedAcls?.stop();
      await durable?.close();
      heads.close();
      await sharedHeads?.stop();
      fetches.stop();
      journal.flush();
      await sharedJournal?.close();
      // Everything is written down: a request still being answered gets a second, then every connection left is cut.
      const cut = setTimeout(() => openSockets.destroyAll(), STOP_GRACE_MS);
      await serverClosed;
      clearTimeout(cut);
      await checkpointer.stop();
      store.close();
    },
  };
}

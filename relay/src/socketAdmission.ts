// The upgrade that admits a socket into a room: the room named and checked, the token's admission, the workspace and
// per-member limits; then the socket is attached to its room, or refused with a named close code and journaled.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket, WebSocketServer } from 'ws';
import {
  BACKGROUND_PARAM,
  CloseCode,
  closeReasons,
  EPOCH_PARAM,
  isSupportedVersion,
  parseRoom,
  SYNC_PATH,
  type CloseCodeName,
} from '@maillage/shared/sync';
import type { RelayConfig } from './config';
import type { Rooms } from './rooms';
import { serveConnection, type ConnectionDeps } from './connection';
import type { Admit, Principal, Refused } from './admission';
import type { Journal } from './journal';
import type { LiveSockets } from './liveSockets';
import type { FetchSummary } from './fetchSummary';
import type { Metrics } from './metrics';
import type { ServedWorkspaces } from './servedWorkspaces';
import type { RefusalBudget } from './refusalBudget';
import { errorText, type UpgradeHandler } from './guards';
import { log } from './log';
import { holdReading, releaseReading } from './readHolds';
import { loggablePath, parseTarget } from './requestTarget';
import { parseDeclaredEpoch } from './epochGate';
import { rememberStream, streamOf } from './socketStreams';

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
function endRefused(ws: WebSocket, stream: Duplex | undefined): void {
  holdReading(ws, 'refused');
  stream?.end();
  setTimeout(() => ws.terminate(), REFUSED_LINGER_MS).unref();
}

export interface SocketAdmissionDeps {
  wss: WebSocketServer;
  rooms: Rooms;
  journal: Journal;
  live: LiveSockets;
  served: ServedWorkspaces;
  fetches: FetchSummary;
  admit: Admit;
  metrics: Metrics;
  refusalBudget: RefusalBudget;
  connection: ConnectionDeps;
  maxConnectionsPerMember: RelayConfig['MAX_CONNECTIONS_PER_MEMBER'];
}

/** The server's `upgrade` handler. */
export function createSocketAdmission({
  wss,
  rooms,
  journal,
  live,
  served,
  fetches,
  admit,
  metrics,
  refusalBudget,
  connection,
  maxConnectionsPerMember,
}: SocketAdmissionDeps): UpgradeHandler {
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
    endRefused(ws, streamOf(ws));
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
      connection,
      {
        onWriteDropped: (reason) => journal.append({ ...who, event: 'writeDropped', reason, bytes: 0 }),
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
    if (principal.memberId !== null && live.countOf(room.workspaceId, principal.memberId) >= maxConnectionsPerMember) {
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
  return (req, socket, head) =>
    wss.handleUpgrade(req, socket, head, (ws) => {
      rememberStream(ws, socket);
      ws.on('error', errorBeforeAttach);
      admitSocket(ws, req).catch((error: unknown) => {
        log('upgrade_error', { path: loggablePath(req.url), error: errorText(error) });
        ws.close(1011, 'internal error');
      });
    });
}

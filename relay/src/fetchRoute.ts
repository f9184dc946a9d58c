// GET /fetch?ws&docs: a new device's first copies of many documents in one request (decision 0044). Same rules as a
// socket to each room: a valid, unrevoked token of that workspace, a served workspace, the room's list naming the
// caller; then each room's whole state, as a socket that holds nothing is sent it. Journaled as background fetches,
// within the member's budget of answer bytes (httpAnswerBudgets.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  aclAdmits,
  encodeFetchAnswer,
  fetchQuerySchema,
  MAX_FETCH_ANSWER_BYTES,
  roomKeepsHistory,
  roomName,
  type FetchedDoc,
} from '@maillage/shared/sync';
import type { Acls } from './acls';
import { authenticate } from './auth';
import type { HttpAnswerBudgets } from './httpAnswerBudgets';
import type { FetchSummary } from './fetchSummary';
import { REFUSED, bearerOf, json, notServed } from './httpReply';
import type { Revocations } from './revocations';
import type { Rooms } from './rooms';
import type { ServedWorkspaces } from './servedWorkspaces';

export interface FetchRouteDeps {
  rooms: Pick<Rooms, 'flush' | 'stateFor'>;
  acls: Acls;
  revocations: Revocations;
  served: ServedWorkspaces;
  fetches: FetchSummary;
  budgets: HttpAnswerBudgets;
}

export function createFetchRoute(deps: FetchRouteDeps) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const query = fetchQuerySchema.safeParse(Object.fromEntries(new URL(req.url ?? '/', 'http://relay').searchParams));
    if (!query.success)
      return json(res, 400, {
        error: 'badQuery',
        message: 'ws (workspace id) and docs (1–50 distinct document ids, comma-separated) are required',
      });
    const { ws, docs } = query.data;
    const caller = await authenticate(bearerOf(req), deps.revocations, Date.now());
    if (!caller.ok) return json(res, 401, { error: caller.code, message: REFUSED[caller.code] });
    if (caller.claims.ws !== ws)
      return json(res, 403, { error: 'forbidden', message: 'this token is for another workspace' });
    if (!deps.served.serves(ws)) return notServed(res);

    const { claims } = caller;
    const who = {
      ws,
      member: claims.sub,
      device: claims.dev,
      role: claims.role,
      address: req.socket.remoteAddress ?? null,
    };
    await deps.budgets.answer(res, `${ws} ${claims.sub}`, async () => {
      // Updates received in this turn are stored first: a state sent here is one the store holds.
      deps.rooms.flush();
      const answer: FetchedDoc[] = [];
      let bytes = 0;
      for (const docId of docs) {
        const room = roomName({ workspaceId: ws, docId });
        const acl = deps.acls.get(room);
        if (!roomKeepsHistory(room)) answer.push({ outcome: 'overSocket' });
        else if (acl && !aclAdmits(acl, claims.sub)) answer.push({ outcome: 'forbidden' });
        else if (bytes >= MAX_FETCH_ANSWER_BYTES) answer.push({ outcome: 'later' });
        else {
          const state = await deps.rooms.stateFor(room);
          if (typeof state === 'string') answer.push({ outcome: 'unavailable' });
          else {
            answer.push({ outcome: 'state', state });
            bytes += state.byteLength;
            deps.fetches.add(who, room, 0);
          }
        }
      }
      const body = encodeFetchAnswer(answer);
      res.writeHead(200, {
        'Content-Type': 'application/octet-stream',
        'Content-Length': body.byteLength,
        'Cache-Control': 'no-store',
      });
      res.end(body);
      return body.byteLength;
    });
  };
}

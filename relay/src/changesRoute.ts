// GET /changes?ws&since: the rooms of the caller's workspace changed after their device's cursor. Same rules as a
// socket: a valid, unrevoked token of that workspace; a restricted room is listed to a member off its list only as
// unreadable, so their device drops its copy (docs/decisions/0029).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { aclAdmits, changesQuerySchema, roomName, type ChangesResponse } from '@maillage/shared/sync';
import type { Acls } from './acls';
import { authenticate } from './auth';
import type { Head } from './heads';
import type { HttpAnswerBudgets } from './httpAnswerBudgets';
import { REFUSED, bearerOf, json, notServed } from './httpReply';
import type { Revocations } from './revocations';
import type { ServedWorkspaces } from './servedWorkspaces';

/** Where the heads are read: this relay's (RoomHeads), or every relay's when they share the rooms (SharedHeads). */
export interface HeadsReader {
  flush(): void;
  since(ws: string, since: number, limit: number): Head[] | Promise<Head[]>;
  latest(ws: string): number | Promise<number>;
}

export interface ChangesRouteDeps {
  heads: HeadsReader;
  acls: Acls;
  revocations: Revocations;
  served: ServedWorkspaces;
  /** Pending updates are committed first, so a change already forwarded is never missing from the answer. */
  flush: () => void;
  /** Shared with GET /fetch: one budget of answers per member (httpAnswerBudgets.ts). */
  budgets: HttpAnswerBudgets;
}

export function createChangesRoute(deps: ChangesRouteDeps) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const query = changesQuerySchema.safeParse(
      Object.fromEntries(new URL(req.url ?? '/', 'http://relay').searchParams),
    );
    if (!query.success)
      return json(res, 400, {
        error: 'badQuery',
        message: 'ws (workspace id) is required; since is a tick ≥ 0; limit 1–2000',
      });
    const { ws, since, limit } = query.data;
    const caller = await authenticate(bearerOf(req), deps.revocations, Date.now());
    if (!caller.ok) return json(res, 401, { error: caller.code, message: REFUSED[caller.code] });
    if (caller.claims.ws !== ws)
      return json(res, 403, { error: 'forbidden', message: 'this token is for another workspace' });
    if (!deps.served.serves(ws)) return notServed(res);

    const member = caller.claims.sub;
    await deps.budgets.answer(res, `${ws} ${member}`, async () => {
      deps.flush();
      // A tick is shown only once it is on disk: a crash then never hands a device a tick the restart takes back.
      deps.heads.flush();
      // The latest tick before the heads: a change recorded in between (heads shared by several relays are read
      // asynchronously) is above it, so listed at the next request rather than skipped by the cursor.
      const latest = await deps.heads.latest(ws);
      const heads = await deps.heads.since(ws, since, limit + 1);
      const more = heads.length > limit;
      const listed = more ? heads.slice(0, limit) : heads;
      const answer: ChangesResponse = {
        changes: listed.map(({ doc, tick }) => {
          const acl = deps.acls.get(roomName({ workspaceId: ws, docId: doc }));
          return { doc, tick, readable: !acl || aclAdmits(acl, member) };
        }),
        cursor: more ? listed.at(-1)!.tick : Math.max(since, latest, listed.at(-1)?.tick ?? 0),
        more,
      };
      return json(res, 200, answer);
    });
  };
}

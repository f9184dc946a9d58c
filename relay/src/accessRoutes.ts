// HTTP routes of the access model: POST /revoke (a coordinator-signed request), GET /journal (coordinators only),
// GET and POST /acl (a restricted room's list: read by those on it, changed by its team or a coordinator; a report's
// read and changed by those on it only, decision 0032), GET /access
// (whether a token is admitted now: the invitation page asks before anything is stored).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod/mini';
import {
  aclAdmits,
  aclAnswer,
  aclPurposeLabel,
  aclRequestSchema,
  mayChangeAcl,
  parseRoom,
  verifyRevokeRequest,
  workspaceIdSchema,
  type Signer,
} from '@maillage/shared/sync';
import type { Journal, JournalEntry, JournalQuery } from './journal';
import type { Revocations } from './revocations';
import type { Acls } from './acls';
import { authenticate } from './auth';
import { claimRefusal } from './claimRefusal';
import { asReadNow } from './reportAnonymity';
import { REFUSED, bearerOf, json, notServed } from './httpReply';
import type { ServedWorkspaces } from './servedWorkspaces';

const MAX_BODY_BYTES = 8 * 1024;

const journalQuerySchema = z.object({
  ws: workspaceIdSchema,
  member: z.optional(z.string().check(z.maxLength(64))),
  room: z.optional(z.string().check(z.maxLength(140))),
  from: z.optional(z.iso.datetime()),
  to: z.optional(z.iso.datetime()),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(1000)), 200),
});

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8').trim()));
    req.on('error', () => resolve(null));
  });
}

/** Who signed a request, as the journal names them: the coordinator's member id, or the workspace's own key. */
const signerName = (signer: Signer) => (signer.kind === 'delegate' ? signer.member : 'root');

export interface AccessRouteDeps {
  revocations: Revocations;
  journal: Journal;
  /** Where /journal reads when several relays share the rooms: every relay's entries (docs/decisions/0040). */
  readJournal?: (query: JournalQuery) => Promise<JournalEntry[]>;
  acls: Acls;
  /** Whether the room holds an update (stored, or received and about to be): such a room is never restricted. */
  hasContent: (room: string) => boolean | Promise<boolean>;
  /**
   * Whether the room holds an adverse-event report and nothing else: a care team's room made by a report sent before
   * rooms had a kind, which its reporter may turn into a report's (decision 0042).
   */
  holdsOnlyAReport?: (room: string) => boolean;
  served: ServedWorkspaces;
  /** Lists one member may create in a workspace (MAX_LISTS_PER_MEMBER): every list is held in memory. */
  maxListsPerMember: number;
}

export function createAccessRoutes(deps: AccessRouteDeps) {
  const revoke = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    if (!body) return json(res, 413, { error: 'requestTooLarge', message: 'request body missing or over 8 KiB' });
    const verified = await verifyRevokeRequest(body);
    if (!verified.ok)
      return json(res, 401, {
        error: verified.code,
        message: 'revocation request not signed by a coordinator of this workspace',
      });
    const { ws, kind, target } = verified.claims;
    if (!deps.served.serves(ws)) return notServed(res);

    const who = {
      ws,
      room: null,
      member: signerName(verified.signer),
      device: null,
      role: 'coordinator',
      address: req.socket.remoteAddress ?? null,
      bytes: 0,
    };
    // A revoked key (a lost phone's, or a revoked coordinator's) signs nothing more, revocations included.
    if (!deps.revocations.trusts(ws, verified.signer)) {
      deps.journal.append({ ...who, event: 'refused', reason: 'revoked' });
      return json(res, 403, { error: 'revoked', message: 'this coordinator key has been revoked' });
    }
    deps.revocations.revoke({ ws, kind, target });
    deps.journal.append({ ...who, event: 'revoke', reason: `${kind}:${target}` });
    json(res, 200, { revoked: { kind, target } });
  };

  /** The coordinator's view of who was revoked; same gate as the journal. */
  const coordinatorOf = async (req: IncomingMessage, ws: string) => {
    const verified = await authenticate(bearerOf(req), deps.revocations, Date.now());
    return verified.ok && verified.claims.ws === ws && verified.claims.role === 'coordinator';
  };

  const revocations = async (req: IncomingMessage, res: ServerResponse) => {
    const ws = workspaceIdSchema.safeParse(new URL(req.url ?? '/', 'http://relay').searchParams.get('ws'));
    if (!ws.success) return json(res, 400, { error: 'badQuery', message: 'ws (workspace id) is required' });
    if (!deps.served.serves(ws.data)) return notServed(res);
    if (!(await coordinatorOf(req, ws.data)))
      return json(res, 403, {
        error: 'forbidden',
        message: "revocations are readable by this workspace's coordinators only",
      });
    json(res, 200, {
      revocations: deps.revocations.list(ws.data).map(({ kind, target, at }) => ({ kind, target, at })),
    });
  };

  const journal = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://relay');
    const query = journalQuerySchema.safeParse(Object.fromEntries(url.searchParams));
    if (!query.success)
      return json(res, 400, {
        error: 'badQuery',
        message: 'ws (workspace id) is required; from/to are ISO dates; limit 1–1000',
      });
    if (!deps.served.serves(query.data.ws)) return notServed(res);
    if (!(await coordinatorOf(req, query.data.ws))) {
      return json(res, 403, {
        error: 'forbidden',
        message: "the journal is readable by this workspace's coordinators only",
      });
    }
    const written = deps.readJournal ? await deps.readJournal(query.data) : deps.journal.query(query.data);
    json(res, 200, { entries: asReadNow(deps.acls, written, query.data.member) });
  };

  /**
   * Whether the bearer's token would be let in now: an invitation withdrawn (its member revoked) or expired says so on
   * the invitation page at once, instead of after the invitee has filled in who they are. A withdrawn invitation
   * tried is journaled like any refusal the token names.
   */
  const access = async (req: IncomingMessage, res: ServerResponse) => {
    const caller = await authenticate(bearerOf(req), deps.revocations, Date.now());
    if (caller.ok && !deps.served.serves(caller.claims.ws)) return notServed(res);
    if (!caller.ok) {
      if (caller.claims && caller.code === 'revoked')
        deps.journal.append({
          ws: caller.claims.ws,
          room: null,
          member: caller.claims.sub,
          device: caller.claims.dev,
          role: caller.claims.role,
          address: req.socket.remoteAddress ?? null,
          event: 'refused',
          reason: 'revoked',
          bytes: 0,
        });
      return json(res, 401, { error: caller.code, message: REFUSED[caller.code] });
    }
    json(res, 200, { ok: true, role: caller.claims.role, expiresAt: new Date(caller.claims.exp * 1000).toISOString() });
  };

  const acl = async (req: IncomingMessage, res: ServerResponse) => {
    const caller = await authenticate(bearerOf(req), deps.revocations, Date.now());
    if (!caller.ok) return json(res, 401, { error: caller.code, message: REFUSED[caller.code] });
    const { claims } = caller;
    if (!deps.served.serves(claims.ws)) return notServed(res);
    const who = {
      ws: claims.ws,
      member: claims.sub,
      device: claims.dev,
      role: claims.role,
      address: req.socket.remoteAddress ?? null,
    };

    if (req.method === 'GET') {
      const room = new URL(req.url ?? '/', 'http://relay').searchParams.get('room') ?? '';
      if (parseRoom(room)?.workspaceId !== claims.ws)
        return json(res, 403, { error: 'forbidden', message: 'this document is not in your workspace' });
      const current = deps.acls.get(room);
      if (!current)
        return json(res, 404, { error: 'notRestricted', message: 'this document is open to the whole workspace' });
      // A report's list names its reporter: a coordinator off it may not read it either (decision 0032).
      const mayRead = aclAdmits(current, claims.sub) || (claims.role === 'coordinator' && current.kind !== 'report');
      if (!mayRead) {
        deps.journal.append({ ...who, room, event: 'refused', reason: 'acl:read', bytes: 0 });
        return json(res, 403, { error: 'forbidden', message: "you are not on this document's care team" });
      }
      return json(res, 200, aclAnswer(current, claims.sub));
    }

    const body = await readBody(req);
    if (!body) return json(res, 413, { error: 'requestTooLarge', message: 'request body missing or over 8 KiB' });
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return json(res, 400, { error: 'badRequest', message: 'body is not JSON' });
    }
    const request = aclRequestSchema.safeParse(parsed);
    if (!request.success)
      return json(res, 400, {
        error: 'badRequest',
        message: request.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
      });
    const { room, members, nonce, purpose } = request.data;
    const ref = parseRoom(room);
    if (ref?.workspaceId !== claims.ws)
      return json(res, 403, { error: 'forbidden', message: 'this document is not in your workspace' });
    const current = deps.acls.get(room);
    // A report sent before rooms had a kind is a care team's room: its reporter (the room's owner) makes it a report's,
    // once, and only when it holds a report alone, so no care team's creator can hide a team's room this way.
    const convert =
      current?.kind === 'team' &&
      request.data.kind === 'report' &&
      current.owner === claims.sub &&
      (deps.holdsOnlyAReport?.(room) ?? false);
    const kind = convert ? 'report' : (current?.kind ?? request.data.kind ?? 'team');
    // Observers restrict nothing, except the room of a report they make (decision 0032).
    const observerRefused = claims.role === 'observer' && kind !== 'report';
    const refusal = observerRefused ? null : await claimRefusal(deps, ref.docId, room, claims, nonce, current !== null);
    if (refusal) {
      // Past the binding check, the caller is the one the id was made for: a report's reporter is not named.
      const reporter = kind === 'report' && (refusal.error === 'tooManyLists' || refusal.error === 'roomHasContent');
      const named = reporter ? { ws: claims.ws, member: null, device: null, role: null, address: null } : who;
      deps.journal.append({ ...named, room, event: 'refused', reason: `acl:${refusal.error}`, bytes: 0 });
      return json(res, refusal.status, { error: refusal.error, message: refusal.message });
    }
    const allowed =
      !observerRefused && (current ? mayChangeAcl(current, { memberId: claims.sub, role: claims.role }) : true);
    if (!allowed) {
      deps.journal.append({ ...who, room, event: 'refused', reason: 'acl', bytes: 0 });
      return json(res, 403, {
        error: 'forbidden',
        message:
          kind === 'report'
            ? "only those on this report's list may change who sees it"
            : "only the document's creator, its care team or a coordinator may change who sees it",
      });
    }
    const view = deps.acls.set(room, members, claims.sub, kind);
    // Participants joining a case for a concertation: the journal says for which (« RCP du … »), never more.
    const why = purpose ? `;${aclPurposeLabel(purpose)}` : '';
    deps.journal.append({ ...who, room, event: 'acl', reason: `members:${view.members.length}${why}`, bytes: 0 });
    json(res, 200, aclAnswer(view, claims.sub));
  };

  return { revoke, journal, acl, revocations, access };
}

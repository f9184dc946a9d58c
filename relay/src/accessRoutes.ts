// HTTP routes of the access model: POST /revoke (a coordinator-signed request), GET /journal (coordinators only).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod/mini';
import { verifyAccessToken, verifyRevokeRequest, workspaceIdSchema } from '@maillage/shared';
import type { Journal } from './journal';
import type { Revocations } from './revocations';

const MAX_BODY_BYTES = 8 * 1024;

const journalQuerySchema = z.object({
  ws: workspaceIdSchema,
  member: z.optional(z.string().check(z.maxLength(64))),
  room: z.optional(z.string().check(z.maxLength(140))),
  from: z.optional(z.iso.datetime()),
  to: z.optional(z.iso.datetime()),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(1000)), 200),
});

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

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

export function createAccessRoutes(deps: { revocations: Revocations; journal: Journal }) {
  const revoke = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    if (!body) return json(res, 413, { error: 'requestTooLarge', message: 'request body missing or over 8 KiB' });
    const verified = await verifyRevokeRequest(body);
    if (!verified.ok) return json(res, 401, { error: verified.code, message: 'revocation request not signed by a coordinator of this workspace' });
    const { ws, kind, target } = verified.claims;
    deps.revocations.revoke({ ws, kind, target });
    deps.journal.append({ ws, room: null, member: verified.signer.kind === 'delegate' ? verified.signer.member : 'root', device: null, role: 'coordinator', address: req.socket.remoteAddress ?? null, event: 'revoke', reason: `${kind}:${target}`, bytes: 0 });
    json(res, 200, { revoked: { kind, target } });
  };

  const journal = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://relay');
    const query = journalQuerySchema.safeParse(Object.fromEntries(url.searchParams));
    if (!query.success) return json(res, 400, { error: 'badQuery', message: 'ws (workspace id) is required; from/to are ISO dates; limit 1–1000' });
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const verified = bearer ? await verifyAccessToken(bearer) : null;
    if (!verified?.ok || verified.claims.ws !== query.data.ws || verified.claims.role !== 'coordinator') {
      return json(res, 403, { error: 'forbidden', message: "the journal is readable by this workspace's coordinators only" });
    }
    json(res, 200, { entries: deps.journal.query(query.data) });
  };

  return { revoke, journal };
}

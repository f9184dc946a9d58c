// The pieces every HTTP route of the relay shares: a JSON answer that is never cached, and the bearer token.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Answers `body` as JSON; returns its length. */
export function json(res: ServerResponse, status: number, body: unknown): number {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
  return text.length;
}

export const bearerOf = (req: IncomingMessage) => /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];

/** 429: the caller is told how many seconds to wait (Retry-After) and why; nothing was done for it. */
export function slowDown(res: ServerResponse, waitMs: number, message: string): void {
  res.setHeader('Retry-After', Math.ceil(waitMs / 1000));
  json(res, 429, { error: 'slowDown', message });
}

/** Why a token was not accepted, said to the caller. */
export const REFUSED = {
  unauthorized: 'missing or invalid access token',
  tokenExpired: 'access token expired: ask a coordinator for a new invitation',
  revoked: 'access revoked',
} as const;

/** A workspace this relay does not host: nothing of it is read or stored here (WORKSPACES, servedWorkspaces.ts). */
export const notServed = (res: ServerResponse) =>
  json(res, 403, { error: 'workspaceNotServed', message: 'this relay does not host this workspace' });

// Which HTTP path goes to which route: the routes themselves live in their own modules. What no route claims is the
// built client's files (GET, HEAD), or 405.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CHANGES_PATH, FETCH_PATH, HOSTING_PATH } from '@maillage/shared/sync';
import type { createAccessRoutes } from './accessRoutes';
import type { AddressRequests } from './addressRequests';
import { guardRequest } from './guards';
import { slowDown } from './httpReply';
import { log } from './log';
import { loggablePath, parseTarget } from './requestTarget';
import type { createStatusRoutes } from './statusRoutes';

type Route = (req: IncomingMessage, res: ServerResponse) => unknown;

export interface HttpRoutes {
  status: ReturnType<typeof createStatusRoutes>;
  access: ReturnType<typeof createAccessRoutes>;
  changes: Route;
  fetchDocs: Route;
  /** GET /hosting: whether a new workspace would be served (no signature: it names none). */
  hosting: Route;
  serveStatic: (req: IncomingMessage, res: ServerResponse, path: string) => void;
  /** Signed requests per address, counted before any token is checked. */
  addressRequests: AddressRequests;
  /** Told of each request sent back to wait (for /metrics). */
  onSlowDown: () => void;
}

/** The routes that check a signature (a token or a signed request) before they answer. */
const SIGNED = new Set(['/revoke', '/journal', '/revocations', '/access', '/acl', CHANGES_PATH, FETCH_PATH]);

/** The server's request listener: every route's promise goes to the guard, which catches what it rejects with. */
export function routeRequests(routes: HttpRoutes): (req: IncomingMessage, res: ServerResponse) => void {
  const { status, access } = routes;
  return guardRequest((req: IncomingMessage, res: ServerResponse) => {
    const target = parseTarget(req.url);
    if (!target) {
      log('bad_request', { method: req.method, path: loggablePath(req.url) });
      res
        .writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' })
        .end('bad request target');
      return;
    }
    const { path } = target;
    if (SIGNED.has(path)) {
      const wait = routes.addressRequests.wait(req.socket.remoteAddress ?? '');
      if (wait > 0) {
        routes.onSlowDown();
        slowDown(res, wait, 'too many requests from this address: ask again after Retry-After seconds');
        return;
      }
    }
    if (path === '/healthz') return status.healthz(res);
    if (path === '/metrics') return status.metrics(res);
    if (path === '/revoke' && req.method === 'POST') return access.revoke(req, res);
    if (path === '/journal') return access.journal(req, res);
    if (path === '/revocations') return access.revocations(req, res);
    if (path === '/access' && req.method === 'GET') return access.access(req, res);
    if (path === '/acl' && (req.method === 'GET' || req.method === 'POST')) return access.acl(req, res);
    if (path === CHANGES_PATH && req.method === 'GET') return routes.changes(req, res);
    if (path === FETCH_PATH && req.method === 'GET') return routes.fetchDocs(req, res);
    if (path === HOSTING_PATH && req.method === 'GET') return routes.hosting(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    routes.serveStatic(req, res, path);
  });
}

// Catches what a request or upgrade handler throws or rejects with: one bad request gets an answer, never ends the relay.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { log } from './log';
import { loggablePath } from './requestTarget';

type RequestHandler = (req: IncomingMessage, res: ServerResponse) => unknown;
export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

/** An error's message for the log, with anything shaped like a JWT blanked: a message may quote what it failed on. */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.replace(/eyJ[\w-]*(\.[\w-]*){0,2}/g, '[token]').slice(0, 300);
}

export function guardRequest(handler: RequestHandler): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const fail = (error: unknown) => {
      log('request_error', { method: req.method, path: loggablePath(req.url), error: errorText(error) });
      try {
        if (res.headersSent || res.writableEnded) res.destroy();
        else
          res
            .writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' })
            .end('internal error');
      } catch {
        res.destroy();
      }
    };
    try {
      const pending = handler(req, res);
      if (pending instanceof Promise) pending.catch(fail);
    } catch (error) {
      fail(error);
    }
  };
}

export function guardUpgrade(handler: UpgradeHandler): UpgradeHandler {
  return (req, socket, head) => {
    try {
      handler(req, socket, head);
    } catch (error) {
      log('upgrade_error', { path: loggablePath(req.url), error: errorText(error) });
      socket.destroy();
    }
  };
}

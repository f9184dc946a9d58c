// Raw sockets to the relay, for what a stock client never does: send bytes of its own, or sit until the relay closes it.
import WebSocket from 'ws';

export interface Closed {
  code: number;
  reason: string;
}

/** Opens a raw socket: the upgrade only, admission may still be running on the relay. */
export function openSocket(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

export interface ServedSocket {
  ws: WebSocket;
  /** How the relay closed it; rejects if it is still open after `timeoutMs`. */
  closed(timeoutMs?: number): Promise<Closed>;
}

/**
 * A raw socket the relay has admitted and serves: its first message (the relay's sync step 1) arrived, so revoking
 * its token or its care team now reaches it.
 */
export function servedSocket(url: string, timeoutMs = 5000): Promise<ServedSocket> {
  const ws = new WebSocket(url);
  ws.on('error', () => undefined);
  const closing = new Promise<Closed>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const closed = (ms = 5000) => within(closing, ms, 'the relay to close the socket');
  const served = new Promise<ServedSocket>((resolve, reject) => {
    ws.once('message', () => resolve({ ws, closed }));
    void closing.then(({ code, reason }) => reject(new Error(`closed before it was served: ${code} ${reason}`)));
  });
  return within(served, timeoutMs, 'the relay to serve the socket');
}

function within<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

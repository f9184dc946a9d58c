// Each socket's own stream, as the HTTP upgrade handed it to ws: a public Node object, kept beside ws rather than read
// from its private fields. A refusal ends it after the close frame; a broadcast writes its ready frame to it.
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';

const streams = new WeakMap<WebSocket, Duplex>();

export function rememberStream(ws: WebSocket, stream: Duplex): void {
  streams.set(ws, stream);
}

export const streamOf = (ws: WebSocket): Duplex | undefined => streams.get(ws);

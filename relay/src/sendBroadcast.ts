// One message to many sockets: its frame is built once and written whole to each socket's stream (one write, where
// ws' `send` builds a header and writes two buffers for every socket: docs/decisions/0023). A socket whose stream the
// relay does not hold, or that negotiated an extension, is sent the same bytes through ws.
import type { WebSocket } from 'ws';
import type { BinaryFrame } from './binaryFrame';
import { streamOf } from './socketStreams';

/** ws' options for every broadcast, one object for all sends. */
const BINARY = { binary: true } as const;

/**
 * Sends a broadcast message to one socket; nothing to a socket that is closing or closed. Written to the stream only
 * while ws would write its own frames at once too, so the two never reorder: no extension (a compressing ws queues
 * frames while it deflates) and a socket that is open; the relay never sends ws a Blob, the other thing ws queues for.
 */
export function sendBroadcast(ws: WebSocket, message: BinaryFrame): void {
  if (ws.readyState !== ws.OPEN) return;
  const stream = ws.extensions === '' ? streamOf(ws) : undefined;
  if (stream) stream.write(message.frame);
  else ws.send(message.message, BINARY);
}

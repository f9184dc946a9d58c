// One message to many sockets: its bytes are built once and handed to `ws.send` for each socket, through ws' public
// API only. ws writes a Buffer as it is after a header of its own; server frames are unmasked, so nothing changes it.
import type { WebSocket } from 'ws';

/** ws' options for every broadcast, one object for all sends. */
const BINARY = { binary: true } as const;

/**
 * `prefix` then `payload` as one Buffer (the protocol header written beside the payload, never assembled apart), or
 * a view of `payload` alone: ws takes a Buffer as it is, where it would wrap a Uint8Array again at every send.
 */
export function broadcastMessage(payload: Uint8Array, prefix: Uint8Array | null = null): Buffer {
  if (prefix === null) return Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
  const message = Buffer.allocUnsafe(prefix.byteLength + payload.byteLength);
  message.set(prefix, 0);
  message.set(payload, prefix.byteLength);
  return message;
}

/** Sends a broadcast message to one socket; nothing to a socket that is closing or closed (ws drops it). */
export function sendBroadcast(ws: WebSocket, message: Buffer): void {
  ws.send(message, BINARY);
}

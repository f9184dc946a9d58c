// One message to many sockets: its WebSocket frame is built once and the same bytes written to every socket.
// Server frames are unmasked, so every recipient's frame is identical; `ws` would build it again per socket (a header
// buffer, an options object, a two-buffer writev each), which was a third of the relay's busy time under load.
import type { WebSocket } from 'ws';

/** A message ready to broadcast: its frame, and the message alone (a view into it) for the sockets the fast path must not take. */
export interface Framed {
  frame: Buffer;
  message: Uint8Array;
}

/**
 * A final, unmasked, binary frame (RFC 6455 §5.2) around `prefix` then `payload`, one message: a protocol header
 * written straight into the frame, so the message is never assembled apart from it.
 */
export function frameBinary(payload: Uint8Array, prefix: Uint8Array | null = null): Framed {
  const prefixLength = prefix === null ? 0 : prefix.byteLength;
  const length = prefixLength + payload.byteLength;
  const header = length < 126 ? 2 : length < 65536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(header + length);
  frame[0] = 0x82; // FIN, binary
  if (length < 126) frame[1] = length;
  else if (length < 65536) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
    frame.writeUInt32BE(length >>> 0, 6);
  }
  if (prefix !== null) frame.set(prefix, header);
  frame.set(payload, header + prefixLength);
  return { frame, message: frame.subarray(header) };
}

/** The parts of a `ws` socket the fast path relies on; read defensively, since they are not its public API. */
interface WsInternals {
  _socket?: { write(chunk: Uint8Array): boolean; writable?: boolean; destroyed?: boolean } | null;
  _sender?: { _state?: unknown; _queue?: unknown; _firstFragment?: unknown } | null;
  _extensions?: Record<string, unknown> | null;
}

/**
 * The socket to write a ready frame to, or null when only `ws.send` is safe: not open, the sender busy (a queued
 * or compressing message would be overtaken), a fragmented message under way, or an extension (permessage-deflate)
 * that would have to transform the payload. The relay never negotiates compression, so the fast path is the rule.
 */
function rawSocketOf(ws: WebSocket): WsInternals['_socket'] {
  if (ws.readyState !== 1) return null;
  const { _socket: socket, _sender: sender, _extensions: extensions } = ws as unknown as WsInternals;
  if (!socket || !sender || !extensions || socket.destroyed === true || socket.writable === false) return null;
  if (
    sender._state !== 0 ||
    sender._firstFragment !== true ||
    !Array.isArray(sender._queue) ||
    sender._queue.length !== 0
  )
    return null;
  return hasKeys(extensions) ? null : socket;
}

function hasKeys(record: Record<string, unknown>): boolean {
  for (const key in record) if (Object.hasOwn(record, key)) return true;
  return false;
}

/** Sends a framed message to one socket: the ready bytes when that is safe, else through `ws`. */
export function sendFramed(ws: WebSocket, out: Framed): void {
  const socket = rawSocketOf(ws);
  if (socket) socket.write(out.frame);
  else ws.send(out.message);
}

// A final, unmasked, binary WebSocket frame (RFC 6455 §5.2), built once per broadcast: the header, then an optional
// prefix (the y-websocket message header), then the payload, in one Buffer every socket is written.

/** The frame's header length for a payload of `length` bytes: 7-bit, 16-bit or 64-bit length. */
const headerLength = (length: number): number => (length < 126 ? 2 : length < 65536 ? 4 : 10);

export interface BinaryFrame {
  /** The whole frame, as written to a socket's stream. */
  frame: Buffer;
  /** The message alone (a view of `frame`), for a socket written through ws. */
  message: Buffer;
}

export function binaryFrame(payload: Uint8Array, prefix: Uint8Array | null = null): BinaryFrame {
  const length = (prefix?.byteLength ?? 0) + payload.byteLength;
  const header = headerLength(length);
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
  if (prefix) frame.set(prefix, header);
  frame.set(payload, header + (prefix?.byteLength ?? 0));
  return { frame, message: frame.subarray(header) };
}

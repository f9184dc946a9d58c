// The floor's own framing (floorServer.ts): a final, unmasked, binary frame (RFC 6455 §5.2) built once per message and
// written as is to every socket, under ws. Ours no longer does this (docs/decisions/0023); the floor is what the load
// generator and the kernel cost with nothing else in the way, so it keeps the shortcut.
export function frameBinary(payload: Uint8Array): Buffer {
  const length = payload.byteLength;
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
  frame.set(payload, header);
  return frame;
}

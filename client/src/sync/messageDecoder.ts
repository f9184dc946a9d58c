// The part of lib0's decoder that y-websocket hands a message handler, and its integers: handlers of ours read the
// relay's messages without importing lib0 (a dependency of yjs, not of the client).

/** A decoder's bytes and where it stands. */
export interface Decoder {
  arr: Uint8Array;
  pos: number;
}

/** lib0's variable-length unsigned integer: seven bits a byte, low first. */
export function varUint(d: Decoder): number {
  let value = 0;
  for (let shift = 0; d.pos < d.arr.length; shift += 7) {
    const byte = d.arr[d.pos++]!;
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return value;
  }
  return value;
}

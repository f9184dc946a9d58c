// The Yjs update a sender's document would produce for `map('m').set(key, value)`, written byte by byte into the
// client frame that carries it. A Y.Doc per sender allocates ~5 KB per set, enough to make the load generator's own
// garbage collector a visible part of every server's tail latency; these bytes are checked against Yjs at start.
import * as Y from 'yjs';
import { clientFrame } from './wireClient';

const ANY_STRING = 119; // lib0 "any" tag of a string
const INFO_FIRST = 0x28; // parentSub present, ContentAny
const INFO_NEXT = 0xa8; // origin present (parentSub flag kept), ContentAny

/** Appends one unsigned LEB128 varint. */
function varUint(out: Buffer, at: number, n: number): number {
  while (n > 0x7f) {
    out[at++] = 0x80 | (n & 0x7f);
    n = Math.floor(n / 128);
  }
  out[at++] = n;
  return at;
}

function varString(out: Buffer, at: number, s: string): number {
  // Callers pass ASCII: one byte per character.
  at = varUint(out, at, s.length);
  return at + out.write(s, at, 'latin1');
}

/**
 * The y-websocket message (sync, update) for the `clock`-th set of `key` by `client`, as a client frame.
 * Clock 0 names the map; later sets point at the previous one and delete it.
 */
export function mapSetFrame(client: number, clock: number, key: string, value: string): Buffer {
  // Worst case: 5 varuints of up to 5 bytes, the strings, a dozen fixed bytes.
  const scratch = Buffer.allocUnsafe(64 + key.length + value.length);
  let at = 0;
  scratch[at++] = 1; // one client
  scratch[at++] = 1; // one struct
  at = varUint(scratch, at, client);
  at = varUint(scratch, at, clock);
  if (clock === 0) {
    scratch[at++] = INFO_FIRST;
    scratch[at++] = 1; // parent is a root type, named:
    at = varString(scratch, at, 'm');
    at = varString(scratch, at, key);
  } else {
    scratch[at++] = INFO_NEXT;
    at = varUint(scratch, at, client);
    at = varUint(scratch, at, clock - 1);
  }
  scratch[at++] = 1; // one value
  scratch[at++] = ANY_STRING;
  at = varString(scratch, at, value);
  if (clock === 0)
    scratch[at++] = 0; // empty delete set
  else {
    scratch[at++] = 1; // delete set: one client, one range, the previous value
    at = varUint(scratch, at, client);
    scratch[at++] = 1;
    at = varUint(scratch, at, clock - 1);
    scratch[at++] = 1;
  }
  const update = scratch.subarray(0, at);
  // Sync message: type 0, sub 2 (update), then the update with its length.
  const message = Buffer.allocUnsafe(2 + varUintLength(update.length) + update.length);
  message[0] = 0;
  message[1] = 2;
  update.copy(message, varUint(message, 2, update.length));
  return clientFrame(0x2, message);
}

function varUintLength(n: number): number {
  let length = 1;
  while (n > 0x7f) {
    n = Math.floor(n / 128);
    length++;
  }
  return length;
}

/** Throws unless mapSetFrame writes exactly what Yjs writes, for a few clients, keys and clocks. */
export function checkAgainstYjs(): void {
  for (const client of [1, 200, 123_456_789, 4_294_967_295]) {
    for (const key of ['0', '17', '3999']) {
      const doc = new Y.Doc();
      doc.clientID = client;
      let update: Uint8Array | null = null;
      doc.on('update', (u: Uint8Array) => (update = u));
      for (let clock = 0; clock < 300; clock++) {
        const value = `${clock + 1}:${(clock * 37.123).toFixed(2)}`;
        doc.getMap('m').set(key, value);
        const ours = mapSetFrame(client, clock, key, value);
        const payload = ours.subarray(ours[1] === (0x80 | 126) ? 8 : 6);
        const expected = Buffer.concat([Buffer.from([0, 2]), varUintBytes(update!.length), update!]);
        if (!payload.equals(expected))
          throw new Error(`mapSetFrame differs from Yjs (client ${client}, key ${key}, clock ${clock})`);
      }
    }
  }
}

function varUintBytes(n: number): Buffer {
  const out = Buffer.alloc(5);
  return out.subarray(0, varUint(out, 0, n));
}

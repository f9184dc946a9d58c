// The relay's epoch notice, a y-websocket message of its own type: which epoch a socket is served in, or that its copy
// belongs to a closed epoch and what that epoch's final state was (docs/decisions/0027).
import * as Y from 'yjs';

/** y-websocket uses 0-3 (sync, awareness, auth, query awareness); stock clients log an unknown type and go on. */
export const MESSAGE_EPOCH = 7;
/** The connection parameter in which a client names the epoch of its copy (absent: a stock client). */
export const EPOCH_PARAM = 'epoch';

export type EpochNotice =
  /** Served in `epoch`, whose content was rewritten by client `rewriter` (null for epoch 0, never rewritten). */
  | { kind: 'current'; epoch: number; rewriter: number | null }
  /**
   * This copy is of a closed epoch: `closing` is that epoch's final state vector and delete set (null when the relay
   * has none for it), the room is now at `epoch`; the socket is closed next (epochChanged).
   */
  | { kind: 'migrate'; epoch: number; rewriter: number | null; closing: Uint8Array | null };

const KINDS = ['current', 'migrate'] as const;

/** The whole message: type, kind, epoch, rewriter + 1 (0: none), closing's length and bytes (0: none). */
export function encodeEpochNotice(notice: EpochNotice): Uint8Array {
  const out: number[] = [];
  writeVarUint(out, MESSAGE_EPOCH);
  writeVarUint(out, KINDS.indexOf(notice.kind));
  writeVarUint(out, notice.epoch);
  writeVarUint(out, notice.rewriter === null ? 0 : notice.rewriter + 1);
  const closing = notice.kind === 'migrate' ? notice.closing : null;
  writeVarUint(out, closing?.byteLength ?? 0);
  const head = Uint8Array.from(out);
  if (!closing) return head;
  const message = new Uint8Array(head.byteLength + closing.byteLength);
  message.set(head);
  message.set(closing, head.byteLength);
  return message;
}

/** Reads a notice from the bytes after its message type; null when they are not one. */
export function decodeEpochNotice(bytes: Uint8Array): EpochNotice | null {
  try {
    const at = { pos: 0 };
    const kind = KINDS[readVarUint(bytes, at)];
    const epoch = readVarUint(bytes, at);
    const rewriterPlusOne = readVarUint(bytes, at);
    const length = readVarUint(bytes, at);
    if (kind === undefined || at.pos + length !== bytes.byteLength) return null;
    const rewriter = rewriterPlusOne === 0 ? null : rewriterPlusOne - 1;
    if (kind === 'current') return length === 0 ? { kind, epoch, rewriter } : null;
    return { kind, epoch, rewriter, closing: length === 0 ? null : bytes.slice(at.pos) };
  } catch {
    return null;
  }
}

/** A closing's snapshot, or null when it does not decode (a relay's bug must not throw inside the provider). */
export function decodeClosing(closing: Uint8Array | null): Y.Snapshot | null {
  if (!closing) return null;
  try {
    return Y.decodeSnapshot(closing);
  } catch {
    return null;
  }
}

/** lib0's varuint (7 bits a byte, low first), by hand: shared does not depend on lib0. */
function writeVarUint(out: number[], n: number): void {
  while (n > 0x7f) {
    out.push(0x80 | (n % 0x80));
    n = Math.floor(n / 0x80);
  }
  out.push(n);
}

function readVarUint(bytes: Uint8Array, at: { pos: number }): number {
  let n = 0;
  let scale = 1;
  for (;;) {
    if (at.pos >= bytes.byteLength) throw new RangeError('truncated varuint');
    if (scale > 2 ** 49) throw new RangeError('varuint too long');
    const byte = bytes[at.pos++]!;
    n += (byte & 0x7f) * scale;
    if (byte < 0x80) return n;
    scale *= 0x80;
  }
}

// The y-websocket wire protocol, spelled out in one place: decode a frame into a typed message, encode replies.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

export type ClientMessage =
  | { type: 'syncStep1'; stateVector: Uint8Array }
  | { type: 'syncStep2'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'queryAwareness' };

/** An update with no content (no structs, no deletions): what a client that lacks nothing answers to sync step 1. */
export const isEmptyUpdate = (update: Uint8Array) => update.length <= 2 && update.every((b) => b === 0);

export class MalformedMessage extends Error {
  readonly code = 'malformedMessage';
}

/**
 * A state vector read to its end as Yjs reads it (a count, then client and clock pairs). Unchecked, Yjs threw on a bad
 * one inside the read that quarantines a room when it throws: one reader's five bytes locked the room away (0021).
 */
function checkedStateVector(stateVector: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(stateVector);
  const count = decoding.readVarUint(decoder);
  if (count > stateVector.length / 2) throw new MalformedMessage('state vector: more entries than bytes');
  for (let i = 0; i < count; i++) {
    decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
  }
  if (decoding.hasContent(decoder)) throw new MalformedMessage('state vector: trailing bytes');
  return stateVector;
}

/** Decodes one frame; throws MalformedMessage on anything that is not a complete, known message. */
export function decodeMessage(frame: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    let message: ClientMessage;
    if (type === MESSAGE_SYNC) {
      const sub = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (sub === SYNC_STEP1) message = { type: 'syncStep1', stateVector: checkedStateVector(payload) };
      else if (sub === SYNC_STEP2) message = { type: 'syncStep2', update: payload };
      else if (sub === SYNC_UPDATE) message = { type: 'update', update: payload };
      else throw new MalformedMessage(`unknown sync message ${sub}`);
    } else if (type === MESSAGE_AWARENESS) {
      message = { type: 'awareness', update: decoding.readVarUint8Array(decoder) };
    } else if (type === MESSAGE_QUERY_AWARENESS) {
      message = { type: 'queryAwareness' };
    } else {
      throw new MalformedMessage(`unknown message type ${type}`);
    }
    if (decoding.hasContent(decoder)) throw new MalformedMessage('trailing bytes');
    return message;
  } catch (err) {
    if (err instanceof MalformedMessage) throw err;
    // lib0 throws plain Errors on truncated varints and lengths past the end.
    throw new MalformedMessage(err instanceof Error ? err.message : 'undecodable frame');
  }
}

function frame(type: number, sub: number | null, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  if (sub !== null) encoding.writeVarUint(encoder, sub);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

export const encodeSyncStep1 = (stateVector: Uint8Array) => frame(MESSAGE_SYNC, SYNC_STEP1, stateVector);
export const encodeSyncStep2 = (update: Uint8Array) => frame(MESSAGE_SYNC, SYNC_STEP2, update);
export const encodeUpdate = (update: Uint8Array) => frame(MESSAGE_SYNC, SYNC_UPDATE, update);

function varUintLength(n: number): number {
  let length = 1;
  for (; n > 0x7f; n = Math.floor(n / 128)) length++;
  return length;
}

/** The bytes of the y-websocket update message around an update of this length. */
export const updateMessageLength = (updateLength: number) => 2 + varUintLength(updateLength) + updateLength;

/** What comes before an update in a y-websocket update message (type, sub-type, the update's length), alone. */
export function updatePrefix(updateLength: number): Uint8Array {
  const prefix = new Uint8Array(2 + varUintLength(updateLength));
  prefix[0] = MESSAGE_SYNC;
  prefix[1] = SYNC_UPDATE;
  let at = 2;
  let n = updateLength;
  for (; n > 0x7f; n = Math.floor(n / 128)) prefix[at++] = 0x80 | (n & 0x7f);
  prefix[at] = n;
  return prefix;
}
export const encodeAwareness = (update: Uint8Array) => frame(MESSAGE_AWARENESS, null, update);

/** y-protocols' auth message (type 2, sub 0): stock clients report the reason as "permission denied". */
export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AUTH);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarString(encoder, reason);
  return encoding.toUint8Array(encoder);
}

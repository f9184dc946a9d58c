// The y-websocket wire protocol, spelled out in one place: decode a frame into a typed message, encode replies.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

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
 * Throws unless Yjs reads the update whole and every struct and deleted range in it has a length. The relay stores
 * and forwards updates without integrating them (docs/decisions/0009), so what Yjs would refuse on integrating must be
 * refused here: a zero-length deleted range reads fine, then makes Yjs throw on integrating it (found by mutating real
 * updates), and a newcomer could no longer load the room.
 */
export function validateUpdate(update: Uint8Array): void {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch (err) {
    throw new MalformedMessage(`unreadable update (${err instanceof Error ? err.message : 'undecodable'})`);
  }
  for (const struct of decoded.structs) if (!(struct.length > 0)) throw new MalformedMessage('update holds an empty struct');
  for (const ranges of decoded.ds.clients.values()) {
    for (const range of ranges) if (!(range.len > 0)) throw new MalformedMessage('update holds an empty deleted range');
  }
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
      if (sub === SYNC_STEP1) message = { type: 'syncStep1', stateVector: payload };
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
export const encodeAwareness = (update: Uint8Array) => frame(MESSAGE_AWARENESS, null, update);

/** y-protocols' auth message (type 2, sub 0): stock clients report the reason as "permission denied". */
export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AUTH);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarString(encoder, reason);
  return encoding.toUint8Array(encoder);
}

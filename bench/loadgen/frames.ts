// The few y-websocket frames a raw load client needs, pre-encoded by hand (no provider, no decoding).
import * as encoding from 'lib0/encoding';

function frame(type: number, sub: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  encoding.writeVarUint(e, sub);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

/** "I have nothing": sync step 1 with an empty state vector. */
export const EMPTY_STEP1 = frame(0, 0, new Uint8Array([0]));
/** "Here is nothing you lack": sync step 2 with an empty update. */
export const EMPTY_STEP2 = frame(0, 1, new Uint8Array([0, 0]));
export const updateFrame = (update: Uint8Array) => frame(0, 2, update);

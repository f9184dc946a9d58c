// A stored update's state vector, read in place by the update reader (updateCheck.ts) instead of by Yjs.
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { checkInPlace } from './updateCheck';

/**
 * What Y.encodeStateVectorFromUpdate returns, byte for byte, read in place: Yjs decodes every content to find it, where
 * only the structs' lengths matter, slow on a relay's first read after a restart (docs/decisions/0011). Null when Yjs
 * must read the update (see checkInPlace), or it is malformed.
 */
export function stateVectorInPlace(update: Uint8Array): Uint8Array | null {
  // Yjs' own walk (encodeStateVectorFromUpdateV2), its quirk kept: the very first struct counts even if a Skip.
  const entries: number[] = [];
  let first = true;
  let currClient = 0;
  let currClock = 0;
  let stopCounting = false;
  const visit = (client: number, clock: number, length: number, isSkip: boolean) => {
    if (first) {
      first = false;
      currClient = client;
      stopCounting = clock !== 0;
      currClock = stopCounting ? 0 : clock + length;
    } else if (client !== currClient) {
      if (currClock !== 0) entries.push(currClient, currClock);
      currClient = client;
      currClock = 0;
      stopCounting = clock !== 0;
    }
    if (isSkip) stopCounting = true;
    if (!stopCounting) currClock = clock + length;
  };
  try {
    if (!checkInPlace(update, visit)) return null;
  } catch {
    return null;
  }
  if (currClock !== 0) entries.push(currClient, currClock);
  // Its count, then (client, clock) pairs; no struct at all is an empty vector, as Yjs writes it.
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length / 2);
  for (const n of entries) encoding.writeVarUint(encoder, n);
  return encoding.toUint8Array(encoder);
}

/** The state vector of a stored update: in place when it can be, from Yjs otherwise (which throws if malformed). */
export function stateVectorOf(update: Uint8Array): Uint8Array {
  return stateVectorInPlace(update) ?? Y.encodeStateVectorFromUpdate(update);
}

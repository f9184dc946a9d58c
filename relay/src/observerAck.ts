// What an observer may write (decision 0035): their own acknowledgement of a crisis alert, that is new keys of the root
// map `acks` named after them (`<memberId>:<id>`, shared/src/docs/crisisActivation/layout.ts), holding a plain value,
// and nothing else: no other type, no key of anyone else, no rewrite of an existing key, no deletion.
import * as Y from 'yjs';
import { validateUpdate } from './updateCheck';

const ACKS = 'acks';
/** An answer is a hundred bytes or so; anything far larger is not one, and is not worth decoding. */
const MAX_ACK_UPDATE_BYTES = 4096;

export function isOwnAcknowledgement(update: Uint8Array, memberId: string): boolean {
  if (update.byteLength > MAX_ACK_UPDATE_BYTES) return false;
  try {
    validateUpdate(update);
    const { structs, ds } = Y.decodeUpdate(update);
    if (structs.length === 0 || ds.clients.size > 0) return false;
    // A new key of a root map is written with its parent's name and no neighbour; a rewrite would name the old item.
    return structs.every(
      (s) =>
        s instanceof Y.Item &&
        // Decoded, not integrated: a parent written by name is that name (Yjs' types say otherwise).
        (s.parent as unknown) === ACKS &&
        s.origin === null &&
        s.rightOrigin === null &&
        typeof s.parentSub === 'string' &&
        s.parentSub.startsWith(`${memberId}:`) &&
        s.content instanceof Y.ContentAny,
    );
  } catch {
    return false;
  }
}

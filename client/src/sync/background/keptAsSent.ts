// A first fetch that never decodes the document on the page's thread: the provider's doc stays empty, so its sync
// step 1 asks the relay for everything, and what the relay sends (its step 2, and any update that follows) is kept as
// the bytes it came in, for the DocStore to store as rows. Applying a large document's whole state takes one frame the
// member cannot type in; storing its bytes takes none (docs/decisions/0029). The wire is y-websocket's, unchanged.
import type { WebsocketProvider } from 'y-websocket';
import { varUint } from '../messageDecoder';

const MESSAGE_SYNC = 0;
const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
/** An update with no change in it: no structs, no deletions. */
export const EMPTY_UPDATE_LENGTH = 2;

/**
 * Sync messages with an update are kept rather than applied, the provider marked synced at the relay's step 2 as
 * y-websocket would. The relay's step 1 is answered by y-websocket's own handler (from the empty doc: nothing). Returns
 * the updates kept so far, in the order they came.
 */
export function keepUpdatesAsSent(provider: WebsocketProvider): () => Uint8Array[] {
  const kept: Uint8Array[] = [];
  const stock = provider.messageHandlers[MESSAGE_SYNC]!;
  provider.messageHandlers[MESSAGE_SYNC] = (encoder, decoder, _provider, emitSynced, messageType) => {
    const start = decoder.pos;
    const kind = varUint(decoder);
    if (kind === SYNC_STEP_1) {
      decoder.pos = start;
      return stock(encoder, decoder, provider, emitSynced, messageType);
    }
    const length = varUint(decoder);
    // A copy of its own: IndexedDB would otherwise store the whole message the view is part of. An empty update (a
    // room with nothing in it yet) is no copy.
    if (length > EMPTY_UPDATE_LENGTH) kept.push(decoder.arr.slice(decoder.pos, decoder.pos + length));
    decoder.pos += length;
    if (kind === SYNC_STEP_2 && emitSynced && !provider.synced) provider.synced = true;
  };
  return () => kept;
}

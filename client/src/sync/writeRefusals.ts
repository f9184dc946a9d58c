// The relay's « permission denied » (y-protocols' auth message), heard by a provider of ours: the relay drops a write
// it refuses and says why once per socket (an observer's write, a validated meeting's: docs/decisions/0035, 0039).
// y-websocket itself only logs it; a screen that listens can tell the person in words.
import type { WebsocketProvider } from 'y-websocket';
import { varUint, type Decoder } from './messageDecoder';

const MESSAGE_AUTH = 2;
const PERMISSION_DENIED = 0;

const utf8 = new TextDecoder();

/** Calls `handle` with the relay's reason each time it refuses this provider's write; returns how to stop. */
export function onWriteRefused(provider: WebsocketProvider, handle: (reason: string) => void): () => void {
  const previous = provider.messageHandlers[MESSAGE_AUTH];
  provider.messageHandlers[MESSAGE_AUTH] = (_encoder, decoder: Decoder) => {
    if (varUint(decoder) !== PERMISSION_DENIED) return;
    const length = varUint(decoder);
    handle(utf8.decode(decoder.arr.subarray(decoder.pos, decoder.pos + length)));
    decoder.pos += length;
  };
  return () => {
    if (previous) provider.messageHandlers[MESSAGE_AUTH] = previous;
  };
}

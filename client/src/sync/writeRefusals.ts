// The relay's « permission denied » (y-protocols' auth message), heard by a provider of ours: the relay drops a write
// it refuses and says why once per socket (an observer's write, a validated meeting's: docs/decisions/0035, 0039).
// y-websocket itself only logs it; a screen that listens can tell the person in words.
import type { WebsocketProvider } from 'y-websocket';

const MESSAGE_AUTH = 2;
const PERMISSION_DENIED = 0;

/** The part of lib0's decoder the handler is given: its bytes and where it stands. */
interface Decoder {
  arr: Uint8Array;
  pos: number;
}

/** lib0's variable-length unsigned integer: seven bits a byte, low first. */
function varUint(d: Decoder): number {
  let value = 0;
  for (let shift = 0; d.pos < d.arr.length; shift += 7) {
    const byte = d.arr[d.pos++]!;
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return value;
  }
  return value;
}

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

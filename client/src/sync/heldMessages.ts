// An open document's socket whose large messages wait for a gap in the member's typing (`betweenKeystrokes`): a
// 100 KB first sync takes the page 40 ms to apply, a keystroke landing in it waits that long. Messages keep their
// order: while one is held, those after it queue behind it. Small ones, when none is held, go through at once.
import { betweenKeystrokes, isTyping } from './betweenKeystrokes';

/** Past this size a message takes most of a frame to apply. */
export const LARGE_MESSAGE_BYTES = 32 * 1024;

type Deliver = (event: MessageEvent) => void;

const sizeOf = (event: MessageEvent): number =>
  event.data instanceof ArrayBuffer ? event.data.byteLength : typeof event.data === 'string' ? event.data.length : 0;

/** `deliver` as a socket's message handler that holds large messages while the member types. */
export function holdLargeMessages(
  deliver: Deliver,
  wait: () => Promise<void> = betweenKeystrokes,
  typing: () => boolean = isTyping,
): Deliver {
  const held: MessageEvent[] = [];
  const drain = async () => {
    while (held.length > 0) {
      if (sizeOf(held[0]!) >= LARGE_MESSAGE_BYTES) await wait();
      const next = held.shift()!;
      try {
        deliver(next);
      } catch (error) {
        // Reported as a handler's error would be, without stopping the messages behind it.
        console.error(error);
      }
    }
  };
  return (event) => {
    if (held.length > 0) return void held.push(event);
    if (sizeOf(event) < LARGE_MESSAGE_BYTES || !typing()) return deliver(event);
    held.push(event);
    void drain();
  };
}

let built: { base: typeof WebSocket; socket: typeof WebSocket } | null = null;

/** The browser's WebSocket, its `onmessage` holding large messages: for y-websocket's `WebSocketPolyfill`. */
export function socketHoldingLargeMessages(): typeof WebSocket {
  if (built?.base !== WebSocket) built = { base: WebSocket, socket: holdingLargeMessages(WebSocket) };
  return built.socket;
}

function holdingLargeMessages(base: typeof WebSocket): typeof WebSocket {
  return class extends base {
    #handler: ((this: WebSocket, event: MessageEvent) => unknown) | null = null;

    override get onmessage() {
      return this.#handler;
    }

    override set onmessage(handler) {
      this.#handler = handler;
      super.onmessage = handler && holdLargeMessages((event) => handler.call(this, event));
    }
  };
}

// The relay's refusal as y-protocols writes it reaches the screen with its reason; other providers' handlers stay.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { onWriteRefused } from './writeRefusals';

/** An auth message's body as y-protocols writes a refusal (the message type already read by the provider). */
function permissionDenied(reason: string): { arr: Uint8Array; pos: number } {
  const text = new TextEncoder().encode(reason);
  return { arr: new Uint8Array([0, text.length, ...text]), pos: 0 };
}

describe('the relay’s refusal of a write', () => {
  it('is told with its reason, and stops being listened to', () => {
    const provider = new WebsocketProvider('ws://127.0.0.1:9', 'room', new Y.Doc(), {
      connect: false,
      WebSocketPolyfill: class {} as never,
    });
    const heard: string[] = [];
    const stop = onWriteRefused(provider, (reason) => heard.push(reason));
    const handler = provider.messageHandlers[2]!;
    handler(null as never, permissionDenied('minutes validated') as never, provider, false, 2);
    expect(heard).toEqual(['minutes validated']);
    stop();
    expect(provider.messageHandlers[2]).not.toBe(handler);
    provider.destroy();
  });
});

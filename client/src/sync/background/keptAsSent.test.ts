// A first fetch keeps what the relay sends as its bytes: the provider's doc is never given it to decode.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { keepUpdatesAsSent } from './keptAsSent';

/** lib0's variable-length unsigned integer. */
function varUint(n: number): number[] {
  const bytes: number[] = [];
  for (; n >= 0x80; n = Math.floor(n / 0x80)) bytes.push((n & 0x7f) | 0x80);
  return [...bytes, n];
}

/** A sync message's body (its type already read by the provider), behind bytes the decoder has gone past. */
function syncMessage(kind: number, update: Uint8Array): { arr: Uint8Array; pos: number } {
  return { arr: new Uint8Array([9, 9, kind, ...varUint(update.length), ...update]), pos: 2 };
}

const textUpdate = (text: string) => {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
};

describe('a first fetch kept as sent', () => {
  it('keeps the relay’s step 2 and later updates, undecoded, and says synced at the step 2', () => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider('ws://127.0.0.1:9', 'room', doc, {
      connect: false,
      WebSocketPolyfill: class {} as never,
    });
    const kept = keepUpdatesAsSent(provider);
    const handler = provider.messageHandlers[0]!;
    const synced: boolean[] = [];
    provider.on('sync', (s: boolean) => synced.push(s));

    const early = textUpdate('avant');
    handler(null as never, syncMessage(2, early) as never, provider, true, 0);
    expect(provider.synced).toBe(false);
    const state = textUpdate('x'.repeat(300));
    const step2 = syncMessage(1, state);
    handler(null as never, step2 as never, provider, true, 0);
    expect(step2.pos).toBe(step2.arr.length);
    expect(synced).toEqual([true]);
    // A room with nothing in it yet sends an empty update: no copy to store.
    handler(null as never, syncMessage(2, new Uint8Array([0, 0])) as never, provider, true, 0);

    expect(kept()).toEqual([early, state]);
    // Copies of their own, not views of the message (IndexedDB would store the whole of it).
    expect(kept().map((u) => u.buffer.byteLength)).toEqual([early.length, state.length]);
    expect(doc.getText('t').toString()).toBe('');
    provider.destroy();
  });
});

// One real y-websocket provider per room: it sees what the room's senders wrote and when, and records delivery latency.
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { Ledger } from './ledger';

export class Measurer {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;

  constructor(wsBase: string, room: string, token: string, ledger: Ledger) {
    this.provider = new WebsocketProvider(wsBase, room, this.doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      resyncInterval: -1,
      params: { token },
    });
    const map = this.doc.getMap<string>('m');
    map.observe((event) => {
      const now = performance.now();
      for (const key of event.keysChanged) {
        const value = map.get(key);
        // The key is the sender's index, the value starts with its sequence number.
        if (value) ledger.seen(Number(key), Number.parseInt(value, 10), now);
      }
    });
  }

  synced(timeoutMs: number): Promise<void> {
    if (this.provider.synced) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('measurer not synced')), timeoutMs);
      this.provider.once('sync', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  destroy(): void {
    this.provider.destroy();
  }
}

// One real y-websocket provider per room: it sees what the room's senders wrote and when, and records delivery latency.
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';

export class Measurer {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  /** "index:seq" -> latency in ms, first sighting only. */
  readonly seen = new Map<string, number>();
  recording = false;

  constructor(wsBase: string, room: string, token: string) {
    this.provider = new WebsocketProvider(wsBase, room, this.doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      resyncInterval: -1,
      params: { token },
    });
    const map = this.doc.getMap<string>('m');
    map.observe((event) => {
      if (!this.recording) return;
      const now = Date.now();
      for (const key of event.keysChanged) {
        const value = map.get(key);
        if (!value) continue;
        const [seq, at] = value.split(':');
        const id = `${key}:${seq}`;
        if (!this.seen.has(id)) this.seen.set(id, now - Number(at));
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

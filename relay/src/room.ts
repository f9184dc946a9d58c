// One room in memory: its Y.Doc (loaded from disk before anyone is answered), its awareness and its sockets.
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { WebSocket } from 'ws';
import { encodeAwareness } from './protocol';
import { frameBinary, sendFramed, type Framed } from './framedSend';


export class Room {
  // Deleted content is kept (no gc): documents rebuild their named versions from Yjs snapshots, which need every
  // byte ever written; a relay that dropped it would hand newcomers a history they cannot replay (docs/decisions/0005).
  readonly doc = new Y.Doc({ gc: false });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  /** Each socket and the awareness client ids it controls. */
  readonly conns = new Map<WebSocket, Set<number>>();
  /** Updates stored for this room since it was last compacted. */
  storedUpdates = 0;
  evictTimer: NodeJS.Timeout | null = null;

  /** maxBufferedBytes: past this many bytes waiting for one reader, it is cut off rather than allowed to grow memory. */
  constructor(readonly name: string, history: Uint8Array[], onSlowReader: (ws: WebSocket) => void, private readonly maxBufferedBytes: number) {
    this.storedUpdates = history.length;
    if (history.length > 0) Y.applyUpdate(this.doc, Y.mergeUpdates(history));
    // The relay holds no presence of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      const changed = [...added, ...updated, ...removed];
      const controlled = this.conns.get(origin as WebSocket);
      if (controlled) {
        for (const id of added) controlled.add(id);
        for (const id of removed) controlled.delete(id);
      }
      this.broadcast(frameBinary(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed))), null, onSlowReader);
    });
  }

  /** Sends the same frame to every socket but one; slow readers are reported, not buffered forever. */
  broadcast(out: Framed, except: WebSocket | null, onSlowReader: (ws: WebSocket) => void): number {
    let sent = 0;
    for (const ws of this.conns.keys()) {
      if (ws === except || ws.readyState !== ws.OPEN) continue;
      if (ws.bufferedAmount > this.maxBufferedBytes) onSlowReader(ws);
      else {
        sendFramed(ws, out);
        sent++;
      }
    }
    return sent;
  }

  /** Forgets a socket and the presence it carried. */
  removeConn(ws: WebSocket): void {
    const controlled = this.conns.get(ws);
    this.conns.delete(ws);
    if (controlled && controlled.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...controlled], null);
  }

  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

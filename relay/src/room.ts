// One room in memory: its Y.Doc (loaded from disk before anyone is answered), its awareness and its sockets.
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { WebSocket } from 'ws';
import { encodeAwareness } from './protocol';
import { frameBinary, sendFramed, type Framed } from './framedSend';


export class Room {
  // Deleted content is kept (no gc): documents rebuild their named versions from Yjs snapshots, which need every
  // byte ever written; a relay that dropped it would hand newcomers a history they cannot replay (docs/decisions/0005).
  private readonly doc = new Y.Doc({ gc: false });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  /**
   * The stored history, merged, until the doc is built from it. Building a Y.Doc from a long history is the costly
   * part of loading a room (10,000 updates: ~10-17 ms, then as much to encode it back for a newcomer), and a room
   * that is only read after a restart never needs it: sync is answered from these bytes (Y.diffUpdate keeps every
   * byte, as the doc does). The first write builds the doc.
   */
  private unbuilt: Uint8Array | null;
  /** The unbuilt history's state vector: reading it walks the whole history, and it cannot change until built. */
  private unbuiltStateVector: Uint8Array | null = null;
  /** Each socket and the awareness client ids it controls. */
  readonly conns = new Map<WebSocket, Set<number>>();
  /** Updates stored for this room since it was last compacted. */
  storedUpdates = 0;
  evictTimer: NodeJS.Timeout | null = null;

  /** maxBufferedBytes: past this many bytes waiting for one reader, it is cut off rather than allowed to grow memory. */
  constructor(readonly name: string, history: Uint8Array[], onSlowReader: (ws: WebSocket) => void, private readonly maxBufferedBytes: number) {
    this.storedUpdates = history.length;
    this.unbuilt = history.length > 0 ? Y.mergeUpdates(history) : null;
    // The relay holds no presence of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      const changed = [...added, ...updated, ...removed];
      const controlled = this.conns.get(origin as WebSocket);
      if (controlled) {
        for (const id of added) controlled.add(id);
        for (const id of removed) controlled.delete(id);
      }
      this.broadcast(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)), null, onSlowReader);
    });
  }

  /** Applies a client's update (throws when Yjs cannot read it); builds the doc from the stored history first. */
  apply(update: Uint8Array, origin: unknown): void {
    if (this.unbuilt) {
      Y.applyUpdate(this.doc, this.unbuilt);
      this.unbuilt = null;
      this.unbuiltStateVector = null;
    }
    Y.applyUpdate(this.doc, update, origin);
  }

  /** The room's state vector: what a client is told the room has (sync step 1). */
  stateVector(): Uint8Array {
    if (!this.unbuilt) return Y.encodeStateVector(this.doc);
    return (this.unbuiltStateVector ??= Y.encodeStateVectorFromUpdate(this.unbuilt));
  }

  /** What a client with `stateVector` lacks (sync step 2); the whole state, every byte kept, for an empty one. */
  missingFrom(stateVector: Uint8Array): Uint8Array {
    if (!this.unbuilt) return Y.encodeStateAsUpdate(this.doc, stateVector);
    // A newcomer (empty state vector: no clients) lacks everything: the stored history as is, no need to diff it.
    return stateVector.length === 1 && stateVector[0] === 0 ? this.unbuilt : Y.diffUpdate(this.unbuilt, stateVector);
  }

  /** The whole state as one update: what compaction stores in place of the history. */
  fullState(): Uint8Array {
    return this.unbuilt ?? Y.encodeStateAsUpdate(this.doc);
  }

  /**
   * Sends the same bytes to every socket but one, framed once and only if someone receives them (one person editing
   * alone costs no frame); slow readers are reported, not buffered forever.
   */
  broadcast(message: Uint8Array, except: WebSocket | null, onSlowReader: (ws: WebSocket) => void): number {
    let out: Framed | null = null;
    let sent = 0;
    for (const ws of this.conns.keys()) {
      if (ws === except || ws.readyState !== ws.OPEN) continue;
      if (ws.bufferedAmount > this.maxBufferedBytes) onSlowReader(ws);
      else {
        sendFramed(ws, (out ??= frameBinary(message)));
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

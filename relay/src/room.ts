// One room in memory: its history as merged Yjs updates (the relay never builds the document), its presence, its sockets.
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { WebSocket } from 'ws';
import { encodeAwareness, validateUpdate } from './protocol';
import { frameBinary, sendFramed, type Framed } from './framedSend';

/**
 * Updates are merged in groups of this many. Yjs' merge re-sorts its readers at every struct, so merging k updates at
 * once costs ~k² (500 small updates: 4.4 ms; 32: under 0.1 ms); a newcomer's sync then merges a few groups.
 */
const MERGE_EVERY = 32;

/** A newcomer's state vector: no clients. */
const isEmptyStateVector = (stateVector: Uint8Array) => stateVector.length === 1 && stateVector[0] === 0;

function mergeInGroups(updates: Uint8Array[]): Uint8Array[] {
  const groups: Uint8Array[] = [];
  for (let i = 0; i < updates.length; i += MERGE_EVERY) groups.push(Y.mergeUpdates(updates.slice(i, i + MERGE_EVERY)));
  return groups;
}

/**
 * A room keeps bytes, not a Y.Doc: integrating every update into a document made the Yjs transactions' maps and sets
 * most of what the relay's garbage collector had to move and mark, and the document only ever served to answer sync
 * (docs/decisions/0009). Deleted content is kept: merging never drops a byte, and documents rebuild their named
 * versions from it (docs/decisions/0005).
 */
export class Room {
  // Awareness needs a doc for its client id; this one never holds content.
  private readonly presenceDoc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.presenceDoc);
  /** The history, oldest first: merged groups, then the updates received since the last group was merged. */
  private merged: Uint8Array[];
  private recent: Uint8Array[] = [];
  /** The history's state vector, until the next write: reading it walks the whole history. */
  private cachedStateVector: Uint8Array | null = null;
  /** Each socket and the awareness client ids it controls. */
  readonly conns = new Map<WebSocket, Set<number>>();
  /** Updates stored for this room since it was last compacted. */
  storedUpdates = 0;
  evictTimer: NodeJS.Timeout | null = null;

  /** maxBufferedBytes: past this many bytes waiting for one reader, it is cut off rather than allowed to grow memory. */
  constructor(readonly name: string, history: Uint8Array[], onSlowReader: (ws: WebSocket) => void, private readonly maxBufferedBytes: number) {
    this.storedUpdates = history.length;
    this.merged = mergeInGroups(history);
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

  /** Adds a client's update to the history; throws, adding nothing, when it is not one Yjs can integrate. */
  apply(update: Uint8Array): void {
    validateUpdate(update);
    // A copy: the update is a view into the socket's read buffer, which it would otherwise keep alive.
    this.recent.push(update.slice());
    this.cachedStateVector = null;
    if (this.recent.length === MERGE_EVERY) {
      this.merged.push(Y.mergeUpdates(this.recent));
      this.recent = [];
    }
  }

  /** The room's state vector: what a client is told the room has (sync step 1). */
  stateVector(): Uint8Array {
    return (this.cachedStateVector ??= Y.encodeStateVectorFromUpdate(this.fullState()));
  }

  /** What a client with `stateVector` lacks (sync step 2); the whole history, as is, for a newcomer. */
  missingFrom(stateVector: Uint8Array): Uint8Array {
    return isEmptyStateVector(stateVector) ? this.fullState() : Y.diffUpdate(this.fullState(), stateVector);
  }

  /** The whole history as one update (what compaction stores in its place); kept merged until the next write. */
  fullState(): Uint8Array {
    if (this.merged.length !== 1 || this.recent.length > 0) {
      this.merged = [Y.mergeUpdates([...this.merged, ...this.recent])];
      this.recent = [];
    }
    return this.merged[0]!;
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
    this.presenceDoc.destroy();
  }
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

// One room in memory: its Y.Doc (built when first read), the updates it has not integrated yet, its presence, its sockets.
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as random from 'lib0/random';
import type { WebSocket } from 'ws';
import { encodeAwareness, updatePrefix } from './protocol';
import { validateUpdate } from './updateCheck';
import { stateVectorOf } from './stateVector';
import { sendBroadcast } from './sendBroadcast';
import { binaryFrame, type BinaryFrame } from './binaryFrame';
import { PackedUpdates } from './packedUpdates';
import { closingOf, parseRoom, rewriteDoc, roomKeepsHistory, type RoomRef } from '@maillage/shared/sync';

/**
 * Received updates are integrated this many to a Yjs transaction. One transaction per update was most of the relay's
 * garbage; one for all of them is slower, as Yjs' work in a transaction grows with its items squared (docs/decisions/0009).
 */
const INTEGRATE_PER_TRANSACTION = 32;

/**
 * What Awareness takes from the doc it is given: a client id and a 'destroy' event (y-protocols 1.x). The relay has
 * no presence of its own and destroys its Awareness itself, so a whole Y.Doc per room is not needed (docs/decisions/0010).
 */
const presenceOwner = (): Y.Doc => ({ clientID: random.uint32(), on: () => {} }) as unknown as Y.Doc;

/** A newcomer's state vector: no clients. */
const isEmptyStateVector = (stateVector: Uint8Array) => stateVector.length === 1 && stateVector[0] === 0;
/** The update of an empty document: no structs, no deletions. */
const EMPTY_UPDATE = new Uint8Array([0, 0]);

/**
 * An update is stored and forwarded as soon as it is validated; the room's Y.Doc integrates it only when someone reads
 * the room (a newcomer's sync, a compaction), so a room that is only written to never spends a Yjs transaction per
 * message (docs/decisions/0009). The doc is still what answers sync: it writes a state compactly (adjacent items
 * merged), which clients apply in a few milliseconds, where a merge of the raw updates takes them up to a second.
 */
export class Room {
  // Deleted content is kept (no gc) in rooms whose documents rebuild named versions from Yjs snapshots, which need every
  // byte ever written (docs/decisions/0005); the well-known documents have none and collect, as the browser does: one
  // rule by name, in shared (docs/decisions/0020).
  private doc: Y.Doc | null = null;
  /** Whether this room garbage-collects deleted content. */
  readonly collects: boolean;
  /** Its workspace and document, read once from its name (null for a name outside the scheme, as in some tests). */
  readonly ref: RoomRef | null;
  /**
   * A report's room (its list's kind): its deleted content is collected and never served, so what a référent's device
   * deletes from it (an analysis an earlier version wrote there) does not reach a device that syncs it afterwards. It
   * has no versions to replay. Not rewritten into epochs: that stays the well-known documents' (docs/decisions/0042).
   */
  purges: boolean;
  readonly awareness = new awarenessProtocol.Awareness(presenceOwner());
  /**
   * The stored history, merged, until the doc is built from it. Building a Y.Doc from a long history is the costly
   * part of loading a room, then as much to encode it back for a newcomer (docs/decisions/0023), and a room that is
   * only read after a restart never needs it: sync is answered from these bytes (Y.diffUpdate keeps every byte, as the
   * doc does). An empty room needs no doc either.
   */
  private stored: Uint8Array;
  /** The stored history's state vector: reading it walks the whole history, and it cannot change until built. */
  private storedStateVector: Uint8Array | null = null;
  /** Updates validated, stored (or about to be) and forwarded, not yet integrated into the doc. */
  private readonly received = new PackedUpdates();
  /** Each socket and the awareness client ids it controls. */
  readonly conns = new Map<WebSocket, Set<number>>();
  /** Updates stored for this room since it was last compacted. */
  storedUpdates = 0;
  /** Bytes of the rows stored since the last compaction, and the size of the state it wrote (docs/decisions/0020). */
  storedBytes = 0;
  compactedBytes = 0;
  evictTimer: NodeJS.Timeout | null = null;
  /** Set when reading the room's state threw: it is quarantined and answers nothing more (rooms.ts). */
  failed = false;
  /** A collecting room's epoch and the client id that rewrote it (0 and null until rewritten: docs/decisions/0027). */
  epoch = 0;
  rewriter: number | null = null;
  /** The size of the last rewrite computed for this room: the next one waits until the state has outgrown it. */
  rewriteBytes = 0;

  /**
   * maxBufferedBytes: past this many bytes waiting for one reader, it is cut off rather than allowed to grow memory.
   * onNotIntegrated: an update that passed validation and that Yjs still refused (it integrates the others).
   * Throws when the history itself cannot be merged (the room is then quarantined: rooms.ts).
   */
  constructor(
    readonly name: string,
    history: Uint8Array[],
    private readonly onSlowReader: (ws: WebSocket) => void,
    private readonly maxBufferedBytes: number,
    private readonly onNotIntegrated: (error: unknown) => void = () => {},
    purges = false,
  ) {
    this.storedUpdates = history.length;
    // The first row is the last compaction's state (or the room's first update); the rest came after it.
    this.compactedBytes = history[0]?.byteLength ?? 0;
    for (let i = 1; i < history.length; i++) this.storedBytes += history[i]!.byteLength;
    this.collects = !roomKeepsHistory(name);
    this.ref = parseRoom(name);
    this.purges = purges && !this.collects;
    try {
      this.stored = history.length > 0 ? Y.mergeUpdates(history) : EMPTY_UPDATE;
    } catch (err) {
      this.awareness.destroy(); // its timer would outlive the room that failed to load
      throw err;
    }
    // The relay holds no presence of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      const changed = [...added, ...updated, ...removed];
      const controlled = this.conns.get(origin as WebSocket);
      if (controlled) {
        for (const id of added) controlled.add(id);
        for (const id of removed) controlled.delete(id);
      }
      this.broadcast(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)), null);
    });
  }

  /**
   * A room whose list became a report's while it was in memory (set on an empty room, or a care team's room converted:
   * decision 0042) purges from now on: a doc already built is rebuilt collected, or the stored history will be.
   */
  startPurging(): void {
    if (this.collects || this.purges) return;
    this.purges = true;
    const built = this.current();
    if (!built) return;
    const collected = new Y.Doc({ gc: true });
    Y.applyUpdate(collected, Y.encodeStateAsUpdate(built));
    built.destroy();
    this.doc = collected;
  }

  /** Takes a client's update into the room; throws, taking nothing, when it is not one Yjs can integrate. */
  apply(update: Uint8Array): void {
    validateUpdate(update);
    this.received.push(update);
  }

  /**
   * Takes an update another relay validated and stored (docs/decisions/0040): not decoded again here. Should it still
   * fail to integrate, it is reported and the others integrated, as for any update (current()).
   */
  applyValidated(update: Uint8Array): void {
    this.received.push(update);
  }

  /** The room's state vector: what a client is told the room has (sync step 1). */
  stateVector(): Uint8Array {
    const doc = this.current();
    if (doc) return Y.encodeStateVector(doc);
    return (this.storedStateVector ??= stateVectorOf(this.stored));
  }

  /** What a client with `stateVector` lacks (sync step 2); the whole state, every byte kept, for an empty one. */
  missingFrom(stateVector: Uint8Array): Uint8Array {
    // The stored history of a purging room may still hold deleted bytes: it answers only through its collected doc.
    const doc = this.current() ?? (this.purges ? (this.doc = this.build()) : null);
    if (doc) return Y.encodeStateAsUpdate(doc, stateVector);
    // A newcomer lacks everything: the stored history as is, no need to diff it.
    return isEmptyStateVector(stateVector) ? this.stored : Y.diffUpdate(this.stored, stateVector);
  }

  /**
   * The whole state as one update: what compaction stores in place of the history. The stored bytes keep every deleted
   * item, so a collecting room goes through its (gc) doc: that is where an existing store's room shrinks.
   */
  fullState(): Uint8Array {
    const doc = this.current() ?? (this.collects || this.purges ? (this.doc = this.build()) : null);
    return doc ? Y.encodeStateAsUpdate(doc) : this.stored;
  }

  /**
   * Whether the stored history holds these bytes, while the doc is not built (null once it is: read the doc instead).
   * A cheap first look for rules on the content: a room that never held a word need not be built to be judged.
   */
  storedHolds(needle: Uint8Array): boolean | null {
    if (this.doc) return null;
    return Buffer.from(this.stored.buffer, this.stored.byteOffset, this.stored.byteLength).indexOf(needle) >= 0;
  }

  /** Runs `read` on the doc with everything received integrated, built if need be: for rules on the room's content. */
  inspect<T>(read: (doc: Y.Doc) => T): T {
    return read(this.current() ?? (this.doc ??= this.build()));
  }

  /** The room's live content rewritten into a fresh doc, and the final state of this epoch; null if it cannot be. */
  rewrite(): { fresh: Y.Doc; closing: Uint8Array } | null {
    const doc = this.current() ?? (this.doc ??= this.build());
    const fresh = rewriteDoc(doc);
    return fresh && { fresh, closing: closingOf(doc) };
  }

  /** Serves `fresh` from now on, as `epoch`: its state is what the store now holds for the room. */
  enterEpoch(fresh: Y.Doc, epoch: number): void {
    this.doc?.destroy();
    this.doc = fresh;
    this.epoch = epoch;
    this.rewriter = fresh.clientID;
  }

  /** The doc with everything received integrated, built if need be: what a crisis room's writes are checked against. */
  integrated(): Y.Doc {
    return this.current() ?? (this.doc ??= this.build());
  }

  /** The doc with everything received integrated; null while the stored history alone answers. */
  private current(): Y.Doc | null {
    if (this.received.count === 0) return this.doc;
    const doc = (this.doc ??= this.build());
    const received = this.received.takeAll();
    for (let i = 0; i < received.length; i += INTEGRATE_PER_TRANSACTION) {
      doc.transact(() => {
        for (const update of received.slice(i, i + INTEGRATE_PER_TRANSACTION)) {
          try {
            Y.applyUpdate(doc, update);
          } catch (err) {
            // Validation refuses what Yjs is known to refuse; anything else is reported, and the rest still integrated.
            this.onNotIntegrated(err);
          }
        }
      });
    }
    return doc;
  }

  private build(): Y.Doc {
    const doc = new Y.Doc({ gc: this.collects || this.purges });
    Y.applyUpdate(doc, this.stored);
    this.stored = EMPTY_UPDATE;
    this.storedStateVector = null;
    return doc;
  }

  /**
   * Sends the same bytes to every socket but one, built once and only if someone receives them (one person editing
   * alone costs no copy); slow readers are reported, not buffered forever. Returns how many sockets it was sent to.
   */
  broadcast(message: Uint8Array, except: WebSocket | null): number {
    return this.fanOut(message, null, except);
  }

  /** Forwards a client's update as a y-websocket update message, its header written beside the bytes received. */
  broadcastUpdate(update: Uint8Array, except: WebSocket | null): number {
    return this.fanOut(update, updatePrefix, except);
  }

  private fanOut(
    payload: Uint8Array,
    prefixOf: ((length: number) => Uint8Array) | null,
    except: WebSocket | null,
  ): number {
    let out: BinaryFrame | null = null;
    let sent = 0;
    for (const ws of this.conns.keys()) {
      if (ws === except || ws.readyState !== ws.OPEN) continue;
      if (ws.bufferedAmount > this.maxBufferedBytes) this.onSlowReader(ws);
      else {
        sendBroadcast(ws, (out ??= binaryFrame(payload, prefixOf === null ? null : prefixOf(payload.byteLength))));
        sent++;
      }
    }
    return sent;
  }

  /** Forgets a socket and the presence it carried. */
  removeConn(ws: WebSocket): void {
    const controlled = this.conns.get(ws);
    this.conns.delete(ws);
    if (this.failed) return; // destroyed: nobody left to tell
    if (controlled && controlled.size > 0)
      awarenessProtocol.removeAwarenessStates(this.awareness, [...controlled], null);
  }

  destroy(): void {
    this.awareness.destroy();
    this.doc?.destroy();
  }
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

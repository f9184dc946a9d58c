// Presence a socket may set: only the states of its own few client ids, each small; anything else is dropped, not applied.
import * as awarenessProtocol from 'y-protocols/awareness';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WebSocket } from 'ws';
import type { Room } from './room';
import { MalformedMessage } from './protocol';

/**
 * Client ids one socket may own. A stock client sets one: y-protocols' Awareness keeps the clientID its Y.Doc had when
 * it was built. But Yjs gives a doc a new clientID when it sees another client use its own, and a client that follows
 * it with a new Awareness on the same socket then sets a second; a few more cost at most 4 x 4 KiB per socket.
 */
export const MAX_CLIENT_IDS_PER_SOCKET = 4;
/** A presence state's JSON: a name, a profession, a colour and a cursor are ~300 bytes; anything past this is dropped. */
export const MAX_STATE_BYTES = 4096;

export interface PresenceDropped {
  /** Entries naming a client id this socket does not own (another socket's, or past its allowance). */
  notOwn: number;
  tooLarge: number;
  /** True the first time this socket has something dropped: it is logged once, counted always. */
  first: boolean;
}

interface Claims {
  device: string | null;
  /** Never shrinks while the socket lives: a socket that could drop an id and claim another would grow the room's meta. */
  ids: Set<number>;
  dropped: boolean;
}

const claimsOf = new WeakMap<WebSocket, Claims>();

interface Entry {
  id: number;
  clock: number;
  state: Uint8Array;
}

const NULL_STATE = new TextEncoder().encode('null');
const isNull = (state: Uint8Array) => state.length === 4 && state.every((b, i) => b === NULL_STATE[i]);

/** What applyAwarenessUpdate would ignore anyway: stock clients send back every state they receive, at its clock. */
function changesNothing(awareness: awarenessProtocol.Awareness, { id, clock, state }: Entry): boolean {
  const current = awareness.meta.get(id)?.clock ?? 0;
  return !(current < clock || (current === clock && isNull(state) && awareness.states.has(id)));
}

/** The live socket that owns each claimed client id of the room: a socket that closed owns nothing. */
function ownersIn(room: Room): Map<number, WebSocket> {
  const owners = new Map<number, WebSocket>();
  for (const other of room.conns.keys()) for (const id of claimsOf.get(other)?.ids ?? []) owners.set(id, other);
  return owners;
}

/**
 * Applies the entries of an awareness update that this socket may set, and returns what it dropped. A client id is
 * the socket's if it claimed it first, or took it over from another socket of the same device (a reconnection the
 * relay has not seen close yet). Throws MalformedMessage on an update that does not decode.
 */
export function applyOwnPresence(
  room: Room,
  ws: WebSocket,
  device: string | null,
  update: Uint8Array,
): PresenceDropped {
  let claims = claimsOf.get(ws);
  if (!claims) claimsOf.set(ws, (claims = { device, ids: new Set(), dropped: false }));
  const dropped: PresenceDropped = { notOwn: 0, tooLarge: 0, first: false };
  const kept: Entry[] = [];
  let omitted = false;
  let owners: Map<number, WebSocket> | null = null;
  const decoder = decoding.createDecoder(update);
  try {
    // Each entry takes 3 bytes at least, so a count larger than the message runs out of bytes and throws.
    const count = decoding.readVarUint(decoder);
    for (let i = 0; i < count; i++) {
      const entry = {
        id: decoding.readVarUint(decoder),
        clock: decoding.readVarUint(decoder),
        state: decoding.readVarUint8Array(decoder),
      };
      if (entry.state.byteLength > MAX_STATE_BYTES) {
        dropped.tooLarge++;
        omitted = true;
        continue;
      }
      if (!claims.ids.has(entry.id)) {
        omitted = true;
        if (changesNothing(room.awareness, entry)) continue;
        owners ??= ownersIn(room);
        const owner = owners.get(entry.id);
        const takeOver = owner !== undefined && device !== null && claimsOf.get(owner)?.device === device;
        if ((owner !== undefined && !takeOver) || claims.ids.size >= MAX_CLIENT_IDS_PER_SOCKET) {
          dropped.notOwn++;
          continue;
        }
        if (owner !== undefined) {
          claimsOf.get(owner)?.ids.delete(entry.id);
          // Or the old socket's close would remove the state its successor now sets.
          room.conns.get(owner)?.delete(entry.id);
        }
        claims.ids.add(entry.id);
        owners.set(entry.id, ws);
      }
      kept.push(entry);
    }
  } catch (err) {
    throw new MalformedMessage(`awareness: ${err instanceof Error ? err.message : 'undecodable'}`);
  }
  if (decoding.hasContent(decoder)) throw new MalformedMessage('awareness: trailing bytes');
  if ((dropped.notOwn > 0 || dropped.tooLarge > 0) && !claims.dropped) dropped.first = claims.dropped = true;
  if (kept.length === 0) return dropped;
  awarenessProtocol.applyAwarenessUpdate(room.awareness, omitted ? encode(kept) : update, ws);
  // The room removes these when the socket closes; it only notes the ids it sees added for the first time.
  const controlled = room.conns.get(ws);
  for (const { id, state } of kept) if (!isNull(state)) controlled?.add(id);
  return dropped;
}

function encode(entries: Entry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { id, clock, state } of entries) {
    encoding.writeVarUint(encoder, id);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarUint8Array(encoder, state);
  }
  return encoding.toUint8Array(encoder);
}

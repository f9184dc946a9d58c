// A validated meeting's minutes are the team's record (decision 0039): once a concertation's document says « validée »,
// the relay takes no more writes in its room but the animateur's move to « verrouillée ». The rule reads the room's doc,
// so it is asked only of rooms that may be a meeting: one whose bytes never held the word « concertation » (every
// meeting's `meta.kind` is that string) is not one and is never built for it, and a room read once and found not to be
// a meeting is never read for it again.
import * as Y from 'yjs';
import type { Room } from './room';

/**
 * Where a room stands, learnt from its doc's `meta` and `meeting` maps; `noWord`: neither its stored history nor any
 * write taken since holds the word a meeting's kind is written with, so it is no meeting (yet).
 */
type MinutesState = 'unknown' | 'noWord' | 'notMeeting' | 'open' | 'locked';

/** A meeting's kind as its bytes hold it: a Yjs string is written whole, in UTF-8. */
const KIND_BYTES = new TextEncoder().encode('concertation');
const holdsKind = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(KIND_BYTES) >= 0;

const LOCKED_STATUSES: ReadonlySet<unknown> = new Set(['validee', 'verrouillee']);

/** Learnt once per room in memory: a document's kind never changes, and a validated meeting never reopens. */
const known = new WeakMap<Room, MinutesState>();

function stateOf(doc: Y.Doc): MinutesState {
  const kind = doc.getMap<unknown>('meta').get('kind');
  if (kind === undefined) return 'unknown'; // nothing written yet: asked again at the next write
  if (kind !== 'concertation') return 'notMeeting';
  return LOCKED_STATUSES.has(doc.getMap<unknown>('meeting').get('status')) ? 'locked' : 'open';
}

/**
 * The only write a validated meeting takes: its animateur moving `meeting.status` from « validée » to « verrouillée »,
 * and nothing else. Tried on a copy, so every item is judged where Yjs puts it (an overwrite names only its neighbour).
 */
function isAnimateurLocking(doc: Y.Doc, update: Uint8Array, memberId: string | null): boolean {
  const meeting = doc.getMap<unknown>('meeting');
  if (memberId === null || meeting.get('animateur') !== memberId || meeting.get('status') !== 'validee') return false;
  const copy = new Y.Doc({ gc: false });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  Y.applyUpdate(copy, update);
  if (copy.store.pendingStructs !== null || copy.store.pendingDs !== null) return false;
  const isStatus = (item: Y.Item) =>
    item.parent instanceof Y.AbstractType &&
    item.parent._item === null &&
    Y.findRootTypeKey(item.parent) === 'meeting' &&
    item.parentSub === 'status';
  const { structs, ds } = Y.decodeUpdate(update);
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) return false;
    const item = Y.getItem(copy.store, struct.id);
    if (!(item instanceof Y.Item) || !isStatus(item) || !(item.content instanceof Y.ContentAny)) return false;
    if (item.content.arr.length !== 1 || item.content.arr[0] !== 'verrouillee') return false;
  }
  for (const [client, ranges] of ds.clients) {
    for (const { clock, len } of ranges) {
      for (let at = clock; at < clock + len;) {
        const item = Y.getItem(copy.store, Y.createID(client, at));
        if (!(item instanceof Y.Item) || !isStatus(item)) return false;
        at = item.id.clock + item.length;
      }
    }
  }
  return copy.getMap<unknown>('meeting').get('status') === 'verrouillee';
}

/**
 * Whether this write is refused because it would change a validated meeting. `read` runs on the room's integrated doc
 * (rooms.ts' guarded read: a doc that cannot be built quarantines the room rather than throwing here).
 */
export function refusedByValidatedMinutes(
  room: Room,
  update: Uint8Array,
  memberId: string | null,
  read: <T>(inspect: (doc: Y.Doc) => T) => T,
): boolean {
  let before = known.get(room) ?? 'unknown';
  if (before === 'notMeeting') return false;
  if (before === 'unknown' && room.storedHolds(KIND_BYTES) === false) before = 'noWord';
  if (before === 'noWord' && !holdsKind(update)) {
    // Still no meeting: every write this room took went through here, none with the word.
    known.set(room, 'noWord');
    return false;
  }
  return read((doc) => {
    const state = stateOf(doc);
    known.set(room, state);
    if (state !== 'locked') return false;
    try {
      return !isAnimateurLocking(doc, update, memberId);
    } catch {
      return true; // not an update Yjs applies: validation refuses it anyway
    }
  });
}

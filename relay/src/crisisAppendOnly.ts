// The main courante is append-only at the relay too (decision 0035): in a crisis activation's room, an update may add
// new keys to the root map `entries`, each holding a plain value, and nothing else there — no rewrite of an entry, no
// deletion of one, no key written twice. Elsewhere in the document (marks, answers, tasks) last-writer-wins is kept.
// A map key rewritten is encoded with its old value as origin and no parent, so the parent is found through that
// origin: in the update itself, or in the room's integrated doc.
import * as Y from 'yjs';

const ENTRIES = 'entries';

type Struct = Y.Item | Y.GC | Y.Skip;

/** Whether `update` leaves every entry of the room's main courante as written. `doc`: the room with all it holds. */
export function keepsEntriesAppendOnly(doc: Y.Doc, update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  const entries = doc.share.get(ENTRIES) ?? null;
  const byClient = new Map<number, Struct[]>();
  for (const s of structs) {
    const list = byClient.get(s.id.client) ?? [];
    list.push(s);
    byClient.set(s.id.client, list);
  }
  const inUpdate = (id: Y.ID): Struct | undefined =>
    byClient.get(id.client)?.find((s) => s.id.clock <= id.clock && id.clock < s.id.clock + s.length);
  const known = (id: Y.ID): Struct | undefined => {
    if (id.clock >= Y.getState(doc.store, id.client)) return undefined;
    const list = doc.store.clients.get(id.client)!;
    return list[Y.findIndexSS(list, id.clock)];
  };
  // 'unknown' when an origin is neither in the update nor in the room: its parent cannot be told, so it is refused.
  const inEntries = (item: Y.Item): boolean | 'unknown' => {
    for (let current = item, steps = 0; steps < structs.length + 1; steps++) {
      const parent = current.parent as unknown;
      if (typeof parent === 'string') return parent === ENTRIES;
      if (parent !== null) return false; // a nested type's child: entries hold plain values only
      const ref = current.origin ?? current.rightOrigin;
      if (!ref) return 'unknown';
      const local = inUpdate(ref);
      if (local instanceof Y.Item) {
        current = local;
        continue;
      }
      const stored = known(ref);
      if (stored === undefined) return 'unknown';
      return stored instanceof Y.Item && entries !== null && stored.parent === entries;
    }
    return 'unknown';
  };

  const added = new Set<string>();
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue;
    // What the room holds already (a step 2 computed against an older state vector resends it) changes nothing.
    if (s.id.clock + s.length <= Y.getState(doc.store, s.id.client)) continue;
    const where = inEntries(s);
    if (where === 'unknown') return false;
    if (!where) continue;
    const fresh =
      s.origin === null &&
      s.rightOrigin === null &&
      typeof s.parentSub === 'string' &&
      s.content instanceof Y.ContentAny &&
      !(entries?._map.has(s.parentSub) ?? false) &&
      !added.has(s.parentSub);
    if (!fresh) return false;
    added.add(s.parentSub!);
  }

  for (const [client, deletions] of ds.clients) {
    const stored = doc.store.clients.get(client) ?? [];
    const storedEnd = Y.getState(doc.store, client);
    const own = byClient.get(client) ?? [];
    const ownEnd = own.reduce((end, s) => Math.max(end, s.id.clock + s.length), 0);
    for (const { clock, len } of deletions) {
      const end = clock + len;
      // Deleting what nobody has written yet would strike whatever is written there later.
      if (end > Math.max(storedEnd, ownEnd)) return false;
      if (clock < storedEnd)
        for (let i = Y.findIndexSS(stored, clock); i < stored.length && stored[i]!.id.clock < end; i++) {
          const s = stored[i]!;
          if (s instanceof Y.Item && entries !== null && s.parent === entries) return false;
        }
      for (const s of own)
        if (s instanceof Y.Item && s.id.clock < end && clock < s.id.clock + s.length && inEntries(s) !== false)
          return false;
    }
  }
  return true;
}

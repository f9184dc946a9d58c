// A client's changes that an epoch's final state lacks, as sets and deletes by path, and their replay onto the next
// epoch's document (docs/decisions/0027). Nothing else carries a client's offline edits across a rewrite.
import * as Y from 'yjs';
import { materialize, readItem, UnsupportedContent, type AnyType, type TreeValue } from './tree';

/** One key of the map at `path` (a root's name, then nested keys): set to a value, or deleted. */
export type EpochChange = { path: string[]; key: string } & ({ set: TreeValue } | { delete: true });

/**
 * What `doc` (a copy of the closed epoch) holds that the epoch's final state (`closing`, a Yjs snapshot) does not:
 * - a live value whose item is beyond the final state vector: set offline (a nested map created offline comes whole);
 * - a key whose final value (an item within the state vector, not in the final delete set: a map key has one live item,
 *   its last) this copy has deleted: deleted offline, directly or by a set deleted since.
 * Changes inside a map the final state had deleted are left out, as Yjs would have hidden them. With no closing (the
 * relay has no record of this copy's epoch) every live value counts as set, and no delete can be told.
 */
export function changesSince(doc: Y.Doc, closing: Y.Snapshot | null): EpochChange[] {
  const beyond = (client: number, clock: number) => closing === null || clock >= (closing.sv.get(client) ?? 0);
  const liveInFinal = (client: number, clock: number) =>
    !beyond(client, clock) && !Y.isDeleted(closing!.ds, Y.createID(client, clock));
  const changes: EpochChange[] = [];
  const visit = (type: AnyType, path: string[]) => {
    for (const [key, item] of type._map) {
      const { client, clock } = item.id;
      if (!item.deleted) {
        if (beyond(client, clock)) {
          try {
            changes.push({ path, key, set: readItem(item, [...path, key].join('.')) });
          } catch (err) {
            if (!(err instanceof UnsupportedContent)) throw err;
          }
        } else if (
          item.content instanceof Y.ContentType &&
          item.content.type instanceof Y.Map &&
          liveInFinal(client, clock)
        ) {
          visit(item.content.type, [...path, key]);
        }
        continue;
      }
      // Deleted here: was one of its items the key's final value? (Deleted items of one client merge into runs.)
      let deletedFinal = false;
      for (let at: Y.Item | null = item; at !== null && !deletedFinal; at = at.left as Y.Item | null) {
        for (let c = at.id.clock; c < at.id.clock + at.length && !deletedFinal; c++)
          deletedFinal = liveInFinal(at.id.client, c);
      }
      if (deletedFinal) changes.push({ path, key, delete: true });
    }
  };
  for (const [name, type] of doc.share) if (type._start === null) visit(type, [name]);
  return changes;
}

/**
 * Replays changes onto a document of the new epoch, in one transaction: a set is a plain set, so it wins over the
 * value the rewrite copied and over any set made there before it. A change whose path no longer leads to a map is
 * dropped (a map deleted meanwhile, as Yjs would hide it). A delete applies only while the key still holds the value
 * the rewrite copied (written by `rewriter`): a value set since in the new epoch is newer than the offline delete, and
 * stays, as it would have in Yjs. `rewriter` null: deletes always apply (a change forwarded as it happens).
 */
export function applyChanges(doc: Y.Doc, changes: readonly EpochChange[], rewriter: number | null): void {
  doc.transact(() => {
    for (const change of changes) {
      const map = mapAt(doc, change.path);
      if (!map) continue;
      if ('set' in change) map.set(change.key, materialize(change.set));
      else {
        const current = map._map.get(change.key);
        if (current && !current.deleted && (rewriter === null || current.id.client === rewriter))
          map.delete(change.key);
      }
    }
  });
}

function mapAt(doc: Y.Doc, path: readonly string[]): Y.Map<unknown> | null {
  const [root, ...keys] = path;
  const top = root === undefined ? undefined : doc.share.get(root);
  // A root another kind of type holds (not a map here) is not ours to write into.
  if (root === undefined || (top !== undefined && (top._start !== null || !(top instanceof Y.Map || isUntyped(top)))))
    return null;
  let map: unknown = doc.getMap<unknown>(root);
  for (const key of keys) {
    map = (map as Y.Map<unknown>).get(key);
    if (!(map instanceof Y.Map)) return null;
  }
  return map as Y.Map<unknown>;
}

/** A root created by an update before anyone asked for it by type: Yjs turns it into the type first asked for. */
const isUntyped = (type: AnyType) => type.constructor === Y.AbstractType;

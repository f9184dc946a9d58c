// A copy of a closed epoch that something still writes to after its migration (a screen not yet re-rendered, a
// short-lived holder): each of its local transactions is replayed onto the new epoch's document, key by key.
import type * as Y from 'yjs';
import { applyChanges, type EpochChange } from './changes';
import { readItem, UnsupportedContent, type AnyType } from './tree';

/** A type's path from its root, by map keys; null inside a sequence, which no epoch document has. */
function pathOf(type: AnyType): string[] | null {
  const keys: string[] = [];
  let at = type;
  while (at._item !== null) {
    if (at._item.parentSub === null) return null;
    keys.unshift(at._item.parentSub);
    at = at._item.parent as AnyType;
  }
  // As Y.findRootTypeKey does, without its parameter's event type.
  const root = [...(at.doc?.share ?? [])].find(([, shared]) => shared === at)?.[0];
  return root === undefined ? null : [root, ...keys];
}

/** Replays every local change of `from` onto `to` as it happens, until the returned function is called. */
export function forwardLocalChanges(from: Y.Doc, to: Y.Doc): () => void {
  const forward = (transaction: Y.Transaction) => {
    if (!transaction.local) return;
    const changes: EpochChange[] = [];
    for (const [type, keys] of transaction.changed) {
      const path = pathOf(type);
      if (!path) continue;
      for (const key of keys) {
        if (key === null) continue;
        const item = type._map.get(key);
        if (!item || item.deleted) changes.push({ path, key, delete: true });
        else
          try {
            changes.push({ path, key, set: readItem(item, [...path, key].join('.')) });
          } catch (err) {
            if (!(err instanceof UnsupportedContent)) throw err;
          }
      }
    }
    if (changes.length > 0) applyChanges(to, changes, null);
  };
  from.on('afterTransaction', forward);
  return () => from.off('afterTransaction', forward);
}

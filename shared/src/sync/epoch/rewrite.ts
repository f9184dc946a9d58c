// An epoch's rewrite: a document that keeps no history re-created as its live content alone, by one new client
// (docs/decisions/0027). Its tombstones, and the client ids of every past session, stay behind in the old epoch.
import * as Y from 'yjs';
import { materialize, readRoots, UnsupportedContent } from './tree';

/**
 * The live content of `doc` written into a fresh collecting doc, by a client id `doc` has never seen. Null when `doc`
 * holds content the rewrite cannot reproduce (a sequence, a subdocument) or nothing live at all: a rewrite that writes
 * no item leaves no rewriter id in the state vector, which is how the relay recognises a copy of the new epoch.
 */
export function rewriteDoc(doc: Y.Doc): Y.Doc | null {
  let roots: ReturnType<typeof readRoots>;
  try {
    roots = readRoots(doc);
  } catch (err) {
    if (err instanceof UnsupportedContent) return null;
    throw err;
  }
  const fresh = new Y.Doc({ gc: true });
  while (doc.store.clients.has(fresh.clientID)) fresh.clientID = Math.floor(Math.random() * 0x100000000);
  fresh.transact(() => {
    for (const [name, root] of roots) {
      const map = fresh.getMap<unknown>(name);
      for (const [key, value] of root.entries) map.set(key, materialize(value));
    }
  });
  if (fresh.store.clients.size === 0) {
    fresh.destroy();
    return null;
  }
  return fresh;
}

/** What a client of the closed epoch needs to find its own changes: the final state vector and delete set. */
export const closingOf = (doc: Y.Doc): Uint8Array => Y.encodeSnapshot(Y.snapshot(doc));

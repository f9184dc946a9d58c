// One awareness (carets, who is here) per open document, whichever provider carries it: an editor bound to it keeps
// working, and keeps its focus, when the document's provider comes or goes (a case's gate opening once the relay has
// confirmed the care team, a reconnection after a refusal).
import type * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';

const awarenesses = new WeakMap<Y.Doc, Awareness>();

/** The document's awareness, made on first use; it ends with the document. */
export function awarenessOf(doc: Y.Doc): Awareness {
  let awareness = awarenesses.get(doc);
  if (!awareness) {
    awareness = new Awareness(doc);
    awarenesses.set(doc, awareness);
  }
  return awareness;
}

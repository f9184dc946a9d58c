// Documents a screen has open with its own provider: the background sync leaves them to it (one socket per document,
// not two), and fetches them once the screen lets go, if they changed meanwhile.
const open = new Map<string, number>();
const key = (workspaceId: string, docId: string) => `${workspaceId}\u0000${docId}`;
const listeners = new Set<() => void>();
const changed = () => listeners.forEach((listener) => listener());

/** Counts the document as open until the returned function is called. */
export function markLive(workspaceId: string, docId: string): () => void {
  const k = key(workspaceId, docId);
  open.set(k, (open.get(k) ?? 0) + 1);
  changed();
  let done = false;
  return () => {
    if (done) return;
    done = true;
    const left = (open.get(k) ?? 1) - 1;
    if (left > 0) open.set(k, left);
    else open.delete(k);
    changed();
  };
}

export const isLive = (workspaceId: string, docId: string): boolean => open.has(key(workspaceId, docId));

/** The documents of a workspace open on a screen now. */
export const liveDocIds = (workspaceId: string): string[] =>
  [...open.keys()].filter((k) => k.startsWith(`${workspaceId}\u0000`)).map((k) => k.slice(workspaceId.length + 1));

/** Calls `listener` after each change of the open documents; returns the unsubscribe. */
export function onLiveChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

// Documents a screen has open with its own provider: the background sync leaves them to it (one socket per document,
// not two), and fetches them once the screen lets go, if they changed meanwhile.
const open = new Map<string, number>();
const key = (workspaceId: string, docId: string) => `${workspaceId}\u0000${docId}`;

/** Counts the document as open until the returned function is called. */
export function markLive(workspaceId: string, docId: string): () => void {
  const k = key(workspaceId, docId);
  open.set(k, (open.get(k) ?? 0) + 1);
  let done = false;
  return () => {
    if (done) return;
    done = true;
    const left = (open.get(k) ?? 1) - 1;
    if (left > 0) open.set(k, left);
    else open.delete(k);
  };
}

export const isLive = (workspaceId: string, docId: string): boolean => open.has(key(workspaceId, docId));

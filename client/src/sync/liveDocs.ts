// Documents a screen has open with its own provider: the background sync leaves them to it (one socket per document,
// not two), and fetches them once the screen lets go, if they changed meanwhile. Each is also held as a shared Web Lock,
// so the background sync of another tab can tell it is open there.
const open = new Map<string, number>();
const key = (workspaceId: string, docId: string) => `${workspaceId}\u0000${docId}`;
const LOCK_PREFIX = 'maillage-open:';
const lockName = (workspaceId: string, docId: string) => `${LOCK_PREFIX}${workspaceId}/${docId}`;
const locks = (): LockManager | null => (typeof navigator === 'undefined' ? null : (navigator.locks ?? null));

/** Counts the document as open until the returned function is called. */
export function markLive(workspaceId: string, docId: string): () => void {
  const k = key(workspaceId, docId);
  open.set(k, (open.get(k) ?? 0) + 1);
  let letGo = () => {};
  const held = new Promise<void>((resolve) => (letGo = resolve));
  void locks()?.request(lockName(workspaceId, docId), { mode: 'shared' }, () => held);
  let done = false;
  return () => {
    if (done) return;
    done = true;
    letGo();
    const left = (open.get(k) ?? 1) - 1;
    if (left > 0) open.set(k, left);
    else open.delete(k);
  };
}

export const isLive = (workspaceId: string, docId: string): boolean => open.has(key(workspaceId, docId));

/** The documents of a workspace a screen has open in any tab of this browser (this one's alone without Web Locks). */
export async function openInAnyTab(workspaceId: string): Promise<Set<string>> {
  const prefix = `${LOCK_PREFIX}${workspaceId}/`;
  const found = new Set<string>();
  for (const k of open.keys()) if (k.startsWith(`${workspaceId}\u0000`)) found.add(k.slice(workspaceId.length + 1));
  const snapshot = await locks()?.query();
  for (const lock of snapshot?.held ?? []) if (lock.name?.startsWith(prefix)) found.add(lock.name.slice(prefix.length));
  return found;
}

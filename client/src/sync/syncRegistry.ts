// The sync status of every open document, summed up for the header (the worst one wins). With no document open (the
// first screen, an invitation) there is nothing to sync and nothing to say: not « hors ligne », not « synchronisé ».
import { useSyncExternalStore } from 'react';
import type { DocSync, SyncStatus } from './docSync';

export type OverallSyncStatus = SyncStatus | { state: 'idle'; reason: null };

const open = new Set<DocSync>();
const listeners = new Set<() => void>();
const RANK = { error: 3, offline: 2, connecting: 1, synced: 0 } as const;
const IDLE: OverallSyncStatus = { state: 'idle', reason: null };
let overall: OverallSyncStatus = IDLE;

function recompute(): void {
  let worst: SyncStatus | null = null;
  for (const s of open) if (!worst || RANK[s.current.state] > RANK[worst.state]) worst = s.current;
  const next = worst ?? IDLE;
  if (next.state !== overall.state || next.reason !== overall.reason) {
    overall = next;
    for (const l of listeners) l();
  }
}

export function register(sync: DocSync): () => void {
  open.add(sync);
  const unsubscribe = sync.subscribe(recompute);
  recompute();
  return () => {
    unsubscribe();
    open.delete(sync);
    recompute();
  };
}

export function useOverallSync(): OverallSyncStatus {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => overall,
  );
}

export function useDocSyncStatus(sync: DocSync | null): SyncStatus {
  return useSyncExternalStore(sync?.subscribe ?? noSubscribe, () => sync?.current ?? CONNECTING);
}

const CONNECTING: SyncStatus = { state: 'connecting', reason: null };
const noSubscribe = () => () => undefined;

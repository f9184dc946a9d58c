// The sync status of every open document, summed up for the shell (the worst one wins), and whether any was revoked.
// With no document open (the first screen, an invitation) there is nothing to sync and nothing to say.
import { useEffect, useSyncExternalStore } from 'react';
import type { SyncStatus } from './docSync';

/** A document's status as the registry reads it: a DocSync, or a screen's stand-in while its document opens. */
export interface StatusSource {
  readonly current: SyncStatus;
  subscribe: (listener: () => void) => () => void;
}

export type OverallSyncStatus = SyncStatus | { state: 'idle'; reason: null };

const open = new Set<StatusSource>();
const listeners = new Set<() => void>();
const RANK = { error: 3, offline: 2, connecting: 1, synced: 0 } as const;
const IDLE: OverallSyncStatus = { state: 'idle', reason: null };
let overall: OverallSyncStatus = IDLE;
let revoked = false;

function recompute(): void {
  let worst: SyncStatus | null = null;
  let anyRevoked = false;
  for (const s of open) {
    if (!worst || RANK[s.current.state] > RANK[worst.state]) worst = s.current;
    if (s.current.reason === 'revoked') anyRevoked = true;
  }
  const next = worst ?? IDLE;
  // Revocation outranks any other error: it is the one that changes what the person may do.
  const shown: OverallSyncStatus = anyRevoked ? { state: 'error', reason: 'revoked' } : next;
  if (shown.state !== overall.state || shown.reason !== overall.reason || anyRevoked !== revoked) {
    overall = shown;
    revoked = anyRevoked;
    for (const l of listeners) l();
  }
}

export function register(sync: StatusSource): () => void {
  open.add(sync);
  const unsubscribe = sync.subscribe(recompute);
  recompute();
  return () => {
    unsubscribe();
    open.delete(sync);
    recompute();
  };
}

const CONNECTING: SyncStatus = { state: 'connecting', reason: null };
const noSubscribe = () => () => undefined;

/** A document still being opened counts as « connexion… »: the shell never says « synchronisé » before it is. */
export function registerOpening(): () => void {
  return register({ current: CONNECTING, subscribe: noSubscribe });
}

/** Puts a fixed status in the sum while `status` is not null (a patient case before its gate admits it). */
export function useRegisteredStatus(status: SyncStatus | null): void {
  const state = status?.state ?? null;
  const reason = status?.reason ?? null;
  useEffect(() => {
    if (state === null) return;
    return register({ current: { state, reason }, subscribe: noSubscribe });
  }, [state, reason]);
}

const subscribeAll = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export function useOverallSync(): OverallSyncStatus {
  return useSyncExternalStore(subscribeAll, () => overall);
}

/** Resolves once no open document is still connecting (each synced, offline or refused), or after `atMostMs`. */
export function whenNoneConnecting(atMostMs: number): Promise<void> {
  if (overall.state !== 'connecting') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      listeners.delete(check);
      resolve();
    };
    const check = () => void (overall.state !== 'connecting' && done());
    const timer = setTimeout(done, atMostMs);
    listeners.add(check);
  });
}

/** Whether the relay has said, on any open document, that this device's access was revoked. */
export function useRevokedSeen(): boolean {
  return useSyncExternalStore(subscribeAll, () => revoked);
}

export function useDocSyncStatus(sync: StatusSource | null): SyncStatus {
  return useSyncExternalStore(sync?.subscribe ?? noSubscribe, () => sync?.current ?? CONNECTING);
}

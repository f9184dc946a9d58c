import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SyncStatus } from './docSync';
import { register, registerOpening, whenNoneConnecting, type StatusSource } from './syncRegistry';

/** A document's status that the test moves. */
function source(state: SyncStatus['state']): StatusSource & { move: (next: SyncStatus['state']) => void } {
  const listeners = new Set<() => void>();
  const status = {
    current: { state, reason: null } as SyncStatus,
    subscribe: (listener: () => void) => (listeners.add(listener), () => void listeners.delete(listener)),
    move(next: SyncStatus['state']) {
      status.current = { state: next, reason: null } as SyncStatus;
      for (const listener of listeners) listener();
    },
  };
  return status;
}

const settled = (promise: Promise<void>) => {
  const seen = { done: false };
  void promise.then(() => (seen.done = true));
  return seen;
};

describe('whenNoneConnecting', () => {
  const unregister: (() => void)[] = [];
  afterEach(() => {
    unregister.splice(0).forEach((off) => off());
    vi.useRealTimers();
  });

  it('answers at once when nothing is connecting, else once the last document connecting has synced', async () => {
    await expect(whenNoneConnecting(60_000)).resolves.toBeUndefined();
    const catalogue = source('connecting');
    const annuaire = source('connecting');
    unregister.push(register(catalogue), register(annuaire));
    const waiting = settled(whenNoneConnecting(60_000));
    catalogue.move('synced');
    await Promise.resolve();
    expect(waiting.done).toBe(false);
    // Offline is settled too: nothing more will come until the network does.
    annuaire.move('offline');
    await vi.waitFor(() => expect(waiting.done).toBe(true));
  });

  it('gives up waiting after `atMostMs`, for a document that stays « connexion… »', async () => {
    vi.useFakeTimers();
    unregister.push(registerOpening());
    const waiting = settled(whenNoneConnecting(5000));
    await vi.advanceTimersByTimeAsync(4999);
    expect(waiting.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(waiting.done).toBe(true);
  });
});

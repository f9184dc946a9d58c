// For tests on vitest's fake timers: whether a promise has settled once the timers have run `ms`.
import { vi } from 'vitest';

export async function settledAfter(promise: Promise<void>, ms: number): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true));
  await vi.advanceTimersByTimeAsync(ms);
  return settled;
}

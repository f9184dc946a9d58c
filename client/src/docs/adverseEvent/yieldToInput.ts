// Long reads step aside for the user (decision 0042): a tap that lands while a screen reads a thousand summaries is
// handled between two slices of the read, or before a read the screen does not need for its first frames.

/** Lets the browser handle pending input before the next slice of work (`scheduler.yield` where it exists). */
export function yieldToInput(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Resolves when the browser is idle, or after `timeoutMs` on a busy device. */
export function whenIdle(timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: timeoutMs });
    else setTimeout(resolve, 0);
  });
}

/**
 * Resolves once the screen has been shown for `settleMs` and the browser is then idle: the first idle period comes
 * right after a screen's first frames, when a tap made as it shows is still being handled.
 */
export async function whenSettled(settleMs: number, timeoutMs: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  await whenIdle(timeoutMs);
}

import { describe, expect, it, vi } from 'vitest';
import { afterNeedsMeRead, markNeedsMeRead } from './firstRead';

describe('afterNeedsMeRead', () => {
  it('waits for « Pour vous » to be read in that workspace, then answers at once', async () => {
    let opened = false;
    const waiting = afterNeedsMeRead('ws-a', 60_000).then(() => (opened = true));
    markNeedsMeRead('ws-b');
    await Promise.resolve();
    expect(opened).toBe(false);
    markNeedsMeRead('ws-a');
    await waiting;
    expect(opened).toBe(true);
    await expect(afterNeedsMeRead('ws-a', 60_000)).resolves.toBeUndefined();
  });

  it('gives up waiting after the fallback, for a screen with no « Pour vous »', async () => {
    vi.useFakeTimers();
    try {
      let opened = false;
      const waiting = afterNeedsMeRead('ws-c', 1000).then(() => (opened = true));
      await vi.advanceTimersByTimeAsync(999);
      expect(opened).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await waiting;
      expect(opened).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});

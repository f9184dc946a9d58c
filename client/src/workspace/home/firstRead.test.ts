import { describe, expect, it, vi } from 'vitest';
import { whenAnnuaireMayOpen, openAnnuaireNow } from './firstRead';

describe('whenAnnuaireMayOpen', () => {
  it('waits for « Pour vous » to be read in that workspace, then answers at once', async () => {
    let opened = false;
    const waiting = whenAnnuaireMayOpen('ws-a', 60_000).then(() => (opened = true));
    openAnnuaireNow('ws-b');
    await Promise.resolve();
    expect(opened).toBe(false);
    openAnnuaireNow('ws-a');
    await waiting;
    expect(opened).toBe(true);
    await expect(whenAnnuaireMayOpen('ws-a', 60_000)).resolves.toBeUndefined();
  });

  it('gives up waiting after the fallback, for a screen with no « Pour vous »', async () => {
    vi.useFakeTimers();
    try {
      let opened = false;
      const waiting = whenAnnuaireMayOpen('ws-c', 1000).then(() => (opened = true));
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

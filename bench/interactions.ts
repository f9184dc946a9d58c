// Keystroke → paint as the member feels it: Chromium's Event Timing entries of the page's interactions (a key's
// keydown, keypress and keyup share one) that took over 16 ms, faster ones being within a frame.
import type { Page } from '@playwright/test';

export interface SlowEvent {
  id: number;
  name: string;
  start: number;
  duration: number;
  /** From the input to its handlers' start: the main thread was busy. */
  delay: number;
  processing: number;
}

/** From now on the page keeps its slow events in `window.slowInteractions` (emptied by `takeSlowEvents`). */
export const watchInteractions = (page: Page): Promise<void> =>
  page.evaluate(() => {
    const kept: SlowEvent[] = [];
    Object.assign(window, { slowInteractions: kept });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as (PerformanceEventTiming & { interactionId: number })[])
        if (e.interactionId)
          kept.push({
            id: e.interactionId,
            name: e.name,
            start: e.startTime,
            duration: e.duration,
            delay: e.processingStart - e.startTime,
            processing: e.processingEnd - e.processingStart,
          });
    }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
  });

/** The slow events kept since the last call, which forgets them. */
export const takeSlowEvents = (page: Page): Promise<SlowEvent[]> =>
  page.evaluate(() => {
    const kept = (window as unknown as { slowInteractions: SlowEvent[] }).slowInteractions;
    return kept.splice(0);
  });

/** Each interaction's duration: that of its slowest event. */
export function interactionDurations(events: readonly SlowEvent[]): number[] {
  const worst = new Map<number, number>();
  for (const { id, duration } of events) worst.set(id, Math.max(worst.get(id) ?? 0, duration));
  return [...worst.values()];
}

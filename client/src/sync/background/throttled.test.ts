import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Throttled } from './throttled';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('Throttled', () => {
  it('runs the first request at once, then the last one of each interval at its end', () => {
    let runs = 0;
    const throttled = new Throttled(500, () => runs++);
    throttled.request();
    expect(runs).toBe(1);
    for (let i = 0; i < 30; i++) throttled.request();
    expect(runs).toBe(1);
    vi.advanceTimersByTime(500);
    expect(runs).toBe(2);
    // Nothing asked for since: the next interval ends without a run, and the next request runs at once.
    vi.advanceTimersByTime(1000);
    expect(runs).toBe(2);
    throttled.request();
    expect(runs).toBe(3);
  });

  it('runs what is due on flush, and nothing more afterwards', () => {
    let runs = 0;
    const throttled = new Throttled(500, () => runs++);
    throttled.request();
    throttled.request();
    throttled.flush();
    expect(runs).toBe(2);
    vi.advanceTimersByTime(1000);
    expect(runs).toBe(2);
    throttled.flush();
    expect(runs).toBe(2);
  });

  it('runs every request with no interval', () => {
    let runs = 0;
    const throttled = new Throttled(0, () => runs++);
    for (let i = 0; i < 5; i++) throttled.request();
    expect(runs).toBe(5);
  });
});

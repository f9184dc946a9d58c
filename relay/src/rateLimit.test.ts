import { afterEach, describe, expect, it, vi } from 'vitest';
import { TokenBucket } from './rateLimit';

afterEach(() => vi.useRealTimers());

describe('token bucket', () => {
  it('allows a burst, refuses past it, and refills with time', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-24T10:00:00Z'));
    const bucket = new TokenBucket(10, 5);
    expect(Array.from({ length: 6 }, () => bucket.take())).toEqual([true, true, true, true, true, false]);
    vi.advanceTimersByTime(200);
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { TokenBucket } from './rateLimit';

afterEach(() => vi.useRealTimers());

describe('token bucket', () => {
  it('allows a burst, says when past it, and refills with time', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-24T10:00:00Z'));
    const bucket = new TokenBucket(10, 5);
    expect(Array.from({ length: 5 }, () => bucket.take())).toEqual([true, true, true, true, true]);
    expect(bucket.msUntil(1)).toBe(100);
    vi.advanceTimersByTime(200);
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
  });

  it('counts every message past the rate as a debt, repaid before it is in credit again', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-24T10:00:00Z'));
    const bucket = new TokenBucket(10, 5);
    // A socket read hands over 25 messages at once: all are taken, 20 of them on credit.
    expect(Array.from({ length: 25 }, () => bucket.take()).filter(Boolean)).toHaveLength(5);
    expect(bucket.msUntil(1)).toBe(2_100);
    vi.advanceTimersByTime(2_000);
    expect(bucket.take()).toBe(false);
    vi.advanceTimersByTime(200);
    expect(bucket.take()).toBe(true);
    // The refill stops at the burst, however long the wait.
    vi.advanceTimersByTime(60_000);
    expect(bucket.msUntil(5)).toBe(0);
    expect(bucket.msUntil(6)).toBe(100);
  });
});

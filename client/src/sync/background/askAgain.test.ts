import { describe, expect, it } from 'vitest';
import { retryAfterMs } from './askAgain';

const slowDown = (retryAfter?: string) =>
  new Response(null, { status: 429, headers: retryAfter === undefined ? {} : { 'retry-after': retryAfter } });

describe('retryAfterMs', () => {
  it('waits the seconds the relay says, a second when it says nothing readable, and a minute at most', () => {
    expect(retryAfterMs(slowDown('3'))).toBe(3000);
    expect(retryAfterMs(slowDown())).toBe(1000);
    expect(retryAfterMs(slowDown('demain'))).toBe(1000);
    expect(retryAfterMs(slowDown('-5'))).toBe(1000);
    expect(retryAfterMs(slowDown('86400'))).toBe(60_000);
  });
});

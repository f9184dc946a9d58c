// A token bucket per connection: bursts are fine (a paste, a reconnect's sync); past it, the sender is paced, not cut off.
export class TokenBucket {
  private tokens: number;
  private last = Date.now();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
  }

  /**
   * Counts one message. A message that has arrived is never refused, so the balance may go below zero: that debt is
   * repaid (by waiting, see `msUntil`) before the sender is read again. Returns whether the sender was within its rate.
   */
  take(count = 1): boolean {
    this.refill();
    this.tokens -= count;
    return this.tokens >= 0;
  }

  /** Milliseconds until the balance is back to `tokens` (0 if it already is). */
  msUntil(tokens: number): number {
    this.refill();
    return this.tokens >= tokens ? 0 : Math.ceil(((tokens - this.tokens) / this.perSecond) * 1000);
  }

  private refill(): void {
    const now = Date.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
  }
}

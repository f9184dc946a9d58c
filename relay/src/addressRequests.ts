// Signed HTTP requests per remote address: each one costs a signature check before anyone is known, so an address
// past its rate is told when to come back (429) before its token is read. /fetch and /changes have a budget per member
// too (httpAnswerBudgets.ts), which only a checked token names.
import { TokenBucket } from './rateLimit';

/** Past this many addresses tracked, those whose bucket is full again are forgotten. */
const FORGET_ABOVE = 10_000;
/** An address may ask this many seconds' worth at once (a page opening, a device catching up). */
const BURST_SECONDS = 10;

export class AddressRequests {
  private readonly addresses = new Map<string, TokenBucket>();
  private readonly burst: number;

  /** `perSecond`: signed requests a second per address; 0 lets every request through. */
  constructor(private readonly perSecond: number) {
    this.burst = perSecond * BURST_SECONDS;
  }

  /** Counts a request from `address`: 0 if it may go on, else the milliseconds to wait (the request is not counted). */
  wait(address: string): number {
    if (this.perSecond <= 0) return 0;
    const bucket = this.addresses.get(address) ?? this.track(address);
    const wait = bucket.msUntil(1);
    if (wait === 0) bucket.take();
    return wait;
  }

  private track(address: string): TokenBucket {
    if (this.addresses.size >= FORGET_ABOVE)
      for (const [known, bucket] of this.addresses) if (bucket.msUntil(this.burst) === 0) this.addresses.delete(known);
    const bucket = new TokenBucket(this.perSecond, this.burst);
    this.addresses.set(address, bucket);
    return bucket;
  }
}

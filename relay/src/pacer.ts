// Paces one socket to its token bucket: past its rate it is not read (TCP then slows the sender) until tokens are back.
import type { WebSocket } from 'ws';
import type { TokenBucket } from './rateLimit';
import { holdReading, releaseReading } from './readHolds';

/**
 * Longest single wait before looking again: a socket the relay starts closing meanwhile is read again within this,
 * so its peer's close frame is read and the close completes, instead of waiting out ws' 30 s close timer.
 */
const RECHECK_MS = 1_000;

export interface PacerHooks {
  /** The socket was just held for its rate. */
  onHold(): void;
  /** The socket is held and has been sending: it is alive, though its pongs wait behind what it sent. */
  onAlive(): void;
}

export class Pacer {
  private timer: NodeJS.Timeout | null = null;
  /** Balance at which the socket is read again. */
  private readonly resumeAt: number;

  constructor(private readonly ws: WebSocket, private readonly bucket: TokenBucket, rate: { perSecond: number; burst: number }, private readonly hooks: PacerHooks) {
    // A twentieth of a second's worth of tokens: waiting for one token would mean a timer per message past the rate.
    this.resumeAt = Math.min(rate.burst, Math.max(1, Math.ceil(rate.perSecond / 20)));
  }

  /** Counts one message received; past the rate, stops reading the socket until its debt is repaid. */
  count(): void {
    if (this.bucket.take() || this.timer !== null || this.ws.readyState !== this.ws.OPEN) return;
    holdReading(this.ws, 'rate');
    this.hooks.onHold();
    this.hooks.onAlive();
    this.wait();
  }

  /** The socket closed: no timer left behind. */
  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private wait(): void {
    const ms = this.bucket.msUntil(this.resumeAt);
    if (ms > 0 && this.ws.readyState === this.ws.OPEN) {
      this.timer = setTimeout(this.recheck, Math.min(ms, RECHECK_MS));
      this.timer.unref();
      return;
    }
    this.timer = null;
    releaseReading(this.ws, 'rate');
  }

  private readonly recheck = (): void => {
    this.hooks.onAlive();
    this.wait();
  };
}

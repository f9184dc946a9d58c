// Paces one socket to its token bucket: past its rate it is not read (TCP then slows the sender) until tokens are back.
import type { WebSocket } from 'ws';
import { TokenBucket } from './rateLimit';
import { holdReading, releaseReading } from './readHolds';

/**
 * Longest single wait before looking again: a socket the relay starts closing meanwhile is read again within this,
 * so its peer's close frame is read and the close completes, instead of waiting out ws' 30 s close timer.
 */
const RECHECK_MS = 1_000;

/** What a pacer tells the rest of the relay; shared by every socket, so a pacer holds no closure of its own. */
export interface PacerDeps {
  rate: { perSecond: number; burst: number };
  /** A held socket has been sending: it is alive, though its pong waits behind what it sent. */
  heartbeat: { heard(ws: WebSocket): void };
  metrics: { countPaced(): void };
  log: (event: string, fields?: Record<string, unknown>) => void;
}

export class Pacer {
  private readonly bucket: TokenBucket;
  private timer: NodeJS.Timeout | null = null;
  private pacedOnce = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly room: string,
    private readonly deps: PacerDeps,
  ) {
    this.bucket = new TokenBucket(deps.rate.perSecond, deps.rate.burst);
  }

  /** Counts one message received; past the rate, stops reading the socket until its debt is repaid. */
  count(): void {
    if (this.bucket.take() || this.timer !== null || this.ws.readyState !== this.ws.OPEN) return;
    holdReading(this.ws, 'rate');
    this.deps.metrics.countPaced();
    if (!this.pacedOnce) this.deps.log('paced', { room: this.room, perSecond: this.deps.rate.perSecond });
    this.pacedOnce = true;
    this.deps.heartbeat.heard(this.ws);
    this.wait();
  }

  /** The socket closed: no timer left behind. */
  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** The timer's turn: still held, so still heard from; read again if the debt is repaid. */
  recheck(): void {
    this.deps.heartbeat.heard(this.ws);
    this.wait();
  }

  private wait(): void {
    // Read again at a twentieth of a second's worth of tokens: at one token, a timer per message past the rate.
    const { perSecond, burst } = this.deps.rate;
    const ms = this.bucket.msUntil(Math.min(burst, Math.max(1, Math.ceil(perSecond / 20))));
    if (ms > 0 && this.ws.readyState === this.ws.OPEN) {
      this.timer = setTimeout(recheck, Math.min(ms, RECHECK_MS), this);
      this.timer.unref();
      return;
    }
    this.timer = null;
    releaseReading(this.ws, 'rate');
  }
}

// One function for every socket's timer, not a closure per socket: the relay holds thousands of sockets.
const recheck = (pacer: Pacer): void => pacer.recheck();

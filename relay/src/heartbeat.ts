// Finds dead sockets: each socket is pinged every 30 s; one that did not answer its previous ping is terminated.
// Sockets are split into slices, one slice pinged per tick: pinging every socket in one turn, then reading as many
// pongs, stalled every room's messages once per period (docs/decisions/0023).
import type { WebSocket } from 'ws';

const PING_EVERY_MS = 30_000;
const SLICES = 30;

export class Heartbeat {
  private readonly slices: Set<WebSocket>[] = Array.from({ length: SLICES }, () => new Set<WebSocket>());
  private readonly sliceOf = new WeakMap<WebSocket, Set<WebSocket>>();
  private readonly answered = new WeakSet<WebSocket>();
  private readonly timer: NodeJS.Timeout;
  /** Slice given to the next socket watched, and slice pinged at the next tick: round robin, so slices stay even. */
  private nextSlice = 0;
  private nextTick = 0;

  constructor(everyMs = PING_EVERY_MS) {
    this.timer = setInterval(() => this.beat(), everyMs / SLICES);
    this.timer.unref();
  }

  watch(ws: WebSocket): void {
    const slice = this.slices[this.nextSlice++ % SLICES]!;
    slice.add(ws);
    this.sliceOf.set(ws, slice);
    this.answered.add(ws);
    ws.on('pong', () => this.answered.add(ws));
  }

  /**
   * Counts as an answer: the socket was heard from, though the relay is not reading its pong yet. A socket paced for
   * its rate is not read for a while, and its pong waits behind everything it sent before.
   */
  heard(ws: WebSocket): void {
    if (this.sliceOf.has(ws)) this.answered.add(ws);
  }

  forget(ws: WebSocket): void {
    this.sliceOf.get(ws)?.delete(ws);
    this.sliceOf.delete(ws);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private beat(): void {
    for (const ws of this.slices[this.nextTick++ % SLICES]!) {
      if (!this.answered.has(ws)) {
        ws.terminate();
        continue;
      }
      this.answered.delete(ws);
      ws.ping();
    }
  }
}

// Finds dead sockets: one timer pings every socket; one that did not answer the previous ping is terminated.
import type { WebSocket } from 'ws';

const PING_EVERY_MS = 30_000;

export class Heartbeat {
  private readonly sockets = new Set<WebSocket>();
  private readonly answered = new WeakSet<WebSocket>();
  private readonly timer: NodeJS.Timeout;

  constructor(everyMs = PING_EVERY_MS) {
    this.timer = setInterval(() => this.beat(), everyMs);
    this.timer.unref();
  }

  watch(ws: WebSocket): void {
    this.sockets.add(ws);
    this.answered.add(ws);
    ws.on('pong', () => this.answered.add(ws));
  }

  forget(ws: WebSocket): void {
    this.sockets.delete(ws);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private beat(): void {
    for (const ws of this.sockets) {
      if (!this.answered.has(ws)) {
        ws.terminate();
        continue;
      }
      this.answered.delete(ws);
      ws.ping();
    }
  }
}

import { EventEmitter } from 'node:events';
import type { WebSocket } from 'ws';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Heartbeat } from './heartbeat';

class FakeSocket extends EventEmitter {
  pings = 0;
  terminated = false;
  constructor(private readonly answers: boolean) {
    super();
  }
  ping() {
    this.pings++;
    if (this.answers) queueMicrotask(() => this.emit('pong'));
  }
  terminate() {
    this.terminated = true;
  }
}

describe('heartbeat', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('pings every socket once per period, a thirtieth of them at a time', async () => {
    const heartbeat = new Heartbeat(30_000);
    const sockets = Array.from({ length: 300 }, () => new FakeSocket(true));
    for (const ws of sockets) heartbeat.watch(ws as unknown as WebSocket);
    const pinged = () => sockets.reduce((n, ws) => n + ws.pings, 0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(pinged()).toBe(10);
    await vi.advanceTimersByTimeAsync(29_000);
    expect(sockets.every((ws) => ws.pings === 1)).toBe(true);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(sockets.every((ws) => ws.pings === 2 && !ws.terminated)).toBe(true);
    heartbeat.stop();
  });

  it('terminates a socket that did not answer its last ping, and only it; a forgotten socket is left alone', async () => {
    const heartbeat = new Heartbeat(30_000);
    const alive = new FakeSocket(true);
    const dead = new FakeSocket(false);
    const gone = new FakeSocket(false);
    for (const ws of [alive, dead, gone]) heartbeat.watch(ws as unknown as WebSocket);
    await vi.advanceTimersByTimeAsync(30_000);
    expect([alive.pings, dead.pings, gone.pings]).toEqual([1, 1, 1]);
    heartbeat.forget(gone as unknown as WebSocket);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(dead.terminated).toBe(true);
    expect(alive.terminated).toBe(false);
    expect(alive.pings).toBe(2);
    expect(gone.terminated).toBe(false);
    heartbeat.stop();
  });

  it('keeps a socket it was told it heard from, though its pong has not been read', async () => {
    const heartbeat = new Heartbeat(30_000);
    const paced = new FakeSocket(false);
    heartbeat.watch(paced as unknown as WebSocket);
    await vi.advanceTimersByTimeAsync(30_000);
    heartbeat.heard(paced as unknown as WebSocket);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(paced.terminated).toBe(false);
    expect(paced.pings).toBe(2);
    // Heard of no more: it goes the way of every silent socket.
    await vi.advanceTimersByTimeAsync(30_000);
    expect(paced.terminated).toBe(true);
    heartbeat.stop();
  });
});

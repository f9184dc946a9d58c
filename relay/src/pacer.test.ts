import type { WebSocket } from 'ws';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Pacer } from './pacer';
import { holdReading, releaseReading } from './readHolds';

class FakeSocket {
  readonly OPEN = 1;
  readyState = 1;
  paused = false;
  pause() {
    this.paused = true;
  }
  resume() {
    this.paused = false;
  }
}

const rate = { perSecond: 100, burst: 10 };

function paced() {
  const fake = new FakeSocket();
  const hooks = { holds: 0, alive: 0, logged: 0 };
  const pacer = new Pacer(fake as unknown as WebSocket, 'room', {
    rate,
    metrics: { countPaced: () => hooks.holds++ },
    heartbeat: { heard: () => hooks.alive++ },
    log: () => hooks.logged++,
  });
  return { fake, hooks, pacer };
}

describe('pacer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-24T10:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('reads a socket within its rate, holds it past, and reads it again once its debt is repaid', async () => {
    const { fake, hooks, pacer } = paced();
    for (let i = 0; i < 10; i++) pacer.count();
    expect(fake.paused).toBe(false);
    // One more, then the rest of the read that carried it: 30 messages on credit.
    for (let i = 0; i < 30; i++) pacer.count();
    expect(fake.paused).toBe(true);
    expect(hooks.holds).toBe(1);
    // Back to 5 tokens (a twentieth of a second's worth): 35 tokens at 100/s.
    await vi.advanceTimersByTimeAsync(340);
    expect(fake.paused).toBe(true);
    await vi.advanceTimersByTimeAsync(20);
    expect(fake.paused).toBe(false);
    expect(hooks.holds).toBe(1);
    // Held again: counted again, logged once per socket.
    for (let i = 0; i < 10; i++) pacer.count();
    expect(fake.paused).toBe(true);
    expect([hooks.holds, hooks.logged]).toEqual([2, 1]);
    pacer.stop();
  });

  it('tells the heartbeat a held socket is alive, at least once a second, however long its debt', async () => {
    const { fake, hooks, pacer } = paced();
    for (let i = 0; i < 510; i++) pacer.count();
    expect(hooks.alive).toBe(1);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(fake.paused).toBe(true);
    expect(hooks.alive).toBeGreaterThanOrEqual(4);
    await vi.advanceTimersByTimeAsync(1_100);
    expect(fake.paused).toBe(false);
  });

  it('reads a closing socket again at the next look, so its close completes', async () => {
    const { fake, pacer } = paced();
    for (let i = 0; i < 510; i++) pacer.count();
    fake.readyState = 2;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fake.paused).toBe(false);
    pacer.stop();
  });

  it('leaves a socket held for admission held', async () => {
    const { fake, pacer } = paced();
    holdReading(fake as unknown as WebSocket, 'admission');
    for (let i = 0; i < 20; i++) pacer.count();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fake.paused).toBe(true);
    releaseReading(fake as unknown as WebSocket, 'admission');
    expect(fake.paused).toBe(false);
  });
});

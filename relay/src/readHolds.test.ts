import type { WebSocket } from 'ws';
import { describe, expect, it } from 'vitest';
import { holdReading, releaseReading } from './readHolds';

class FakeSocket {
  paused = false;
  pause() {
    this.paused = true;
  }
  resume() {
    this.paused = false;
  }
}

describe('read holds', () => {
  it('reads a socket again only once every reason that held it is released', () => {
    const fake = new FakeSocket();
    const ws = fake as unknown as WebSocket;
    holdReading(ws, 'admission');
    holdReading(ws, 'rate');
    releaseReading(ws, 'admission');
    expect(fake.paused).toBe(true);
    releaseReading(ws, 'rate');
    expect(fake.paused).toBe(false);
  });

  it('does not resume a socket for a reason that does not hold it', () => {
    const fake = new FakeSocket();
    const ws = fake as unknown as WebSocket;
    holdReading(ws, 'rate');
    releaseReading(ws, 'admission');
    expect(fake.paused).toBe(true);
  });
});

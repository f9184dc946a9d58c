// kill -9 the relay again and again while clients write: afterwards every client and the relay hold the same document.
import { afterEach, describe, expect, it } from 'vitest';
import { eventually, freshRoom, whenSynced } from '../support/yClient';
import { Started } from '../support/started';

const started = new Started();
afterEach(() => started.end());

describe('crash loop', () => {
  it('loses nothing across five kill -9 during writes', async () => {
    let relay = await started.relay({ env: { COMPACT_AFTER_UPDATES: '50' } });
    const room = await freshRoom();
    const writers = [started.client(relay.wsUrl, room), started.client(relay.wsUrl, room)];
    await Promise.all(writers.map((w) => whenSynced(w)));
    let n = 0;
    const writing = setInterval(() => {
      for (const [i, w] of writers.entries()) w.doc.getArray<string>('log').push([`${i}:${n}`]);
      n++;
    }, 5);
    try {
      for (let cycle = 0; cycle < 5; cycle++) {
        // Killed once both writers are on this relay and each has had a random number (10–60) of its writes through it.
        const through = n + 10 + Math.floor(Math.random() * 50);
        await eventually(
          () =>
            writers.every((w, i) =>
              w.doc
                .getArray<string>('log')
                .toArray()
                .includes(`${1 - i}:${through}`),
            ),
          15_000,
          `write ${through} of each writer at the other (cycle ${cycle})`,
        );
        await relay.kill();
        relay = await started.relay({
          dataDir: relay.dataDir,
          port: relay.port,
          env: { COMPACT_AFTER_UPDATES: '50' },
        });
      }
    } finally {
      clearInterval(writing);
    }
    const expected = n * writers.length;
    await eventually(() => writers.every((w) => w.doc.getArray('log').length === expected), 20_000, 'writers converge');
    // A fresh client reads what the relay has on disk and in memory.
    const reader = started.client(relay.wsUrl, room);
    await whenSynced(reader);
    await eventually(() => reader.doc.getArray('log').length === expected, 10_000, 'relay holds everything');
    expect(reader.doc.getArray('log').toArray()).toEqual(writers[0]!.doc.getArray('log').toArray());
    expect(n).toBeGreaterThan(50);
  });
});

// The workspaces' byte counts in Redis (docs/decisions/0040): every workspace written in a round counted in one
// pipeline, which survives Redis forgetting its scripts, and whose refused counts are counted again once Redis is back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis } from '../../relay/src/sharedStore/roomStreams';
import { WorkspaceSizes } from '../../relay/src/sharedStore/workspaceSizes';
import { startSharedStore, type SharedStore } from '../support/sharedStore';
import { eventually } from '../support/yClient';

let store: SharedStore;
let redis: ReturnType<typeof connectRedis>;
const errors: unknown[] = [];

beforeAll(async () => {
  store = await startSharedStore();
  redis = connectRedis(store.redisUrl);
  // While Redis is killed below, its reconnection attempts fail: the relay logs them, the test has nothing to add.
  redis.on('error', () => undefined);
  await redis.connect();
});

afterAll(async () => {
  redis?.disconnect();
  await store?.stop();
});

const update = (bytes: number) => new Uint8Array(bytes);
const counted = (ws: string, field: string) => Number(store.redis('HGET', `maillage:quota:${ws}`, field) || '0');

describe('the workspaces’ byte counts', () => {
  it('counts every workspace of a round, after Redis forgot its scripts, and again once Redis is back', async () => {
    const sizes = new WorkspaceSizes(redis, (error) => errors.push(error));
    sizes.appended([
      { room: 'wa/one', update: update(10) },
      { room: 'wa/two', update: update(5) },
      { room: 'wb/one', update: update(7) },
    ]);
    await sizes.flush();
    expect([counted('wa', 'wa/one'), counted('wa', 'wa/two'), counted('wa', '*'), counted('wb', '*')]).toEqual([
      10, 5, 15, 7,
    ]);
    expect(sizes.usedBy('wa')).toBe(15);

    // A Redis started again has no script loaded: the pipeline's EVALSHA is refused (NOSCRIPT) and sent whole.
    store.redis('SCRIPT', 'FLUSH');
    sizes.appended([{ room: 'wb/two', update: update(3) }]);
    await sizes.flush();
    expect(counted('wb', '*')).toBe(10);
    expect(errors).toEqual([]);

    await store.killRedis();
    sizes.appended([
      { room: 'wa/one', update: update(4) },
      { room: 'wb/one', update: update(2) },
    ]);
    await sizes.flush();
    expect(errors.length).toBeGreaterThan(0);
    expect(sizes.usedBy('wa')).toBe(19);
    await store.startRedis();
    await eventually(() => counted('wa', '*') === 19 && counted('wb', '*') === 12, 10_000, 'the refused counts');
    expect(counted('wa', 'wa/one')).toBe(14);
    await sizes.stop();
  });
});

// The change feed's heads shared by every relay (docs/decisions/0029, 0040): each room's latest tick in a Redis hash per
// workspace, ticks handed out by Redis above every earlier one, so a device's cursor is good on any relay.
import type { Redis } from 'ioredis';
import { parseRoom } from '@maillage/shared/sync';
import type { Head } from '../heads';
import { connectRedis } from './roomStreams';

const headsKey = (ws: string) => `maillage:heads:${ws}`;
const lastKey = (ws: string) => `maillage:tick:${ws}`;

/**
 * A tick from the wall clock in µs (as heads.ts takes them), but above the workspace's last one whichever relay took
 * it: relays' clocks may differ, and a device's cursor must never pass a change still to be listed.
 */
const NEXT_TICK = `
local last = tonumber(redis.call('GET', KEYS[1]) or '0')
local tick = math.max(last + 1, tonumber(ARGV[2]))
redis.call('SET', KEYS[1], tick)
redis.call('HSET', KEYS[2], ARGV[1], tick)
return tick`;

export class SharedHeads {
  private readonly redis: Redis;

  constructor(
    redisUrl: string,
    private readonly onError: (error: unknown) => void,
  ) {
    this.redis = connectRedis(redisUrl);
    this.redis.on('error', onError);
  }

  async connect(): Promise<void> {
    await this.redis.connect();
  }

  /** Nothing to write: every tick is in Redis as soon as it is taken. */
  flush(): void {}

  stop(): void {
    this.redis.disconnect();
  }

  /** The room changed (an update stored, its list changed): a new tick, after every tick handed out so far. */
  changed(room: string): Promise<void> {
    const ref = parseRoom(room);
    if (!ref) return Promise.resolve();
    return this.redis
      .eval(NEXT_TICK, 2, lastKey(ref.workspaceId), headsKey(ref.workspaceId), ref.docId, String(Date.now() * 1000))
      .then(() => {}, this.onError);
  }

  /** Rooms of `ws` changed after `since`, oldest change first, at most `limit`. */
  async since(ws: string, since: number, limit: number): Promise<Head[]> {
    const heads: Head[] = [];
    for (const [doc, tick] of Object.entries(await this.redis.hgetall(headsKey(ws))))
      if (Number(tick) > since) heads.push({ doc, tick: Number(tick) });
    heads.sort((a, b) => a.tick - b.tick);
    return heads.slice(0, limit);
  }

  /** The latest tick of a workspace. */
  async latest(ws: string): Promise<number> {
    return Number((await this.redis.get(lastKey(ws))) ?? 0);
  }
}

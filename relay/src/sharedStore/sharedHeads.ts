// The change feed's heads shared by every relay (docs/decisions/0029, 0040): each room's latest tick in a Redis hash per
// workspace, ticks handed out by Redis above every earlier one, so a device's cursor is good on any relay; copied into
// Postgres every second (headsCopy.ts), so that Redis losing its data loses at most that second of them.
import type { Redis } from 'ioredis';
import { parseRoom } from '@maillage/shared/sync';
import type { Head } from '../heads';
import { connectRedis } from './roomStreams';
import { HeadsCopy } from './headsCopy';

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

/** How often the ticks taken are copied into Postgres. */
const COPY_EVERY_MS = 1_000;

export class SharedHeads {
  private readonly redis: Redis;
  private readonly copy: HeadsCopy;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    urls: { redisUrl: string; databaseUrl: string },
    private readonly onError: (error: unknown) => void,
  ) {
    this.redis = connectRedis(urls.redisUrl);
    this.redis.on('error', onError);
    this.copy = new HeadsCopy(urls.databaseUrl);
  }

  async connect(): Promise<void> {
    await this.redis.connect();
    await this.copy.prepare();
    this.timer = setInterval(() => void this.copy.copy().catch(this.onError), COPY_EVERY_MS);
    this.timer.unref();
  }

  /** Nothing to write: every tick is in Redis as soon as it is taken. */
  flush(): void {}

  /** The last ticks copied into Postgres before the connections close. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.copy.copy().catch(this.onError);
    await this.copy.close();
    this.redis.disconnect();
  }

  /** The room changed (an update stored, its list changed): a new tick, after every tick handed out so far. */
  changed(room: string): Promise<void> {
    const ref = parseRoom(room);
    if (!ref) return Promise.resolve();
    return this.redis
      .eval(NEXT_TICK, 2, lastKey(ref.workspaceId), headsKey(ref.workspaceId), ref.docId, String(Date.now() * 1000))
      .then((tick) => this.copy.taken(ref.workspaceId, ref.docId, Number(tick)), this.onError);
  }

  /**
   * Rooms of `ws` changed after `since`, oldest change first, at most `limit`: Redis' heads, and Postgres' copy for
   * what Redis may have lost (each room at its latest tick of the two).
   */
  async since(ws: string, since: number, limit: number): Promise<Head[]> {
    const [recent, copied] = await Promise.all([
      this.redis.hgetall(headsKey(ws)),
      this.copy.since(ws, since).catch(this.withoutCopy([])),
    ]);
    const ticks = new Map(copied.map((head) => [head.doc, head.tick]));
    for (const [doc, tick] of Object.entries(recent))
      if (Number(tick) > (ticks.get(doc) ?? since)) ticks.set(doc, Number(tick));
    const heads = [...ticks].map(([doc, tick]) => ({ doc, tick }));
    heads.sort((a, b) => a.tick - b.tick);
    return heads.slice(0, limit);
  }

  /** Postgres unreachable: the feed answers from Redis alone, which holds every head unless it lost its data. */
  private withoutCopy<T>(fallback: T): (error: unknown) => T {
    return (error) => {
      this.onError(error);
      return fallback;
    };
  }

  /** The latest tick of a workspace, Redis' or its copy's. */
  async latest(ws: string): Promise<number> {
    const [recent, copied] = await Promise.all([
      this.redis.get(lastKey(ws)),
      this.copy.latest(ws).catch(this.withoutCopy(0)),
    ]);
    return Math.max(Number(recent ?? 0), copied);
  }
}

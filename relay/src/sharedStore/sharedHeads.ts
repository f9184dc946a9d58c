// The change feed's heads shared by every relay (docs/decisions/0029, 0040): each room's latest tick in a Redis hash per
// workspace, ticks handed out by Redis above every earlier one, so a device's cursor is good on any relay; copied into
// Postgres every second (headsCopy.ts), so that Redis losing its data loses at most that second of them.
import type { Redis } from 'ioredis';
import { parseRoom, roomName } from '@maillage/shared/sync';
import type { Head } from '../heads';
import { connectRedis } from './roomStreams';
import { HeadsCopy } from './headsCopy';

const headsKey = (ws: string) => `maillage:heads:${ws}`;
const lastKey = (ws: string) => `maillage:tick:${ws}`;

/**
 * Ticks from the wall clock in µs (as heads.ts takes them), but above the workspace's last one whichever relay took
 * it: relays' clocks may differ, and a device's cursor must never pass a change still to be listed. One tick per room
 * (ARGV[2…]), consecutive, so that a page of /changes cut at its limit never splits rooms that share a tick.
 */
const NEXT_TICKS = `
local first = math.max(tonumber(redis.call('GET', KEYS[1]) or '0') + 1, tonumber(ARGV[1]))
local fields = {}
for i = 2, #ARGV do
  fields[#fields + 1] = ARGV[i]
  fields[#fields + 1] = first + i - 2
end
redis.call('HSET', KEYS[2], unpack(fields))
redis.call('SET', KEYS[1], first + #ARGV - 2)
return first`;

/**
 * How long the rooms changed here wait for their ticks, taken then for all of them in one script per workspace rather
 * than one per forwarded batch and room. A device asking meanwhile gets a cursor below those ticks: it hears of the
 * change at a later request, never misses it (0029's contract, docs/decisions/0040).
 */
const TICK_EVERY_MS = 200;
/** Rooms per script at most: each is two arguments of one HSET. */
const ROOMS_PER_SCRIPT = 1_000;

/** How often the ticks taken are copied into Postgres. */
const COPY_EVERY_MS = 1_000;

export class SharedHeads {
  private readonly redis: Redis;
  private readonly copy: HeadsCopy;
  private timer: NodeJS.Timeout | undefined;
  /** Workspace → rooms changed here since the last ticks were taken. */
  private due = new Map<string, Set<string>>();
  private ticking: NodeJS.Timeout | undefined;
  /** The next round of ticks, which the rooms changed meanwhile get. */
  private round: Promise<void> | undefined;
  private releaseRound: (() => void) | undefined;
  private stopped = false;

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

  /** The ticks still due taken, then the last ones copied into Postgres, before the connections close. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    clearTimeout(this.ticking);
    this.stopped = true;
    await this.tick();
    await this.copy.copy().catch(this.onError);
    await this.copy.close();
    this.redis.disconnect();
  }

  /**
   * The room changed (an update stored, its list changed): a new tick, after every tick handed out so far, within
   * TICK_EVERY_MS. Resolves once it is taken.
   */
  changed(room: string): Promise<void> {
    const ref = parseRoom(room);
    if (!ref) return Promise.resolve();
    const docs = this.due.get(ref.workspaceId) ?? new Set<string>();
    docs.add(ref.docId);
    this.due.set(ref.workspaceId, docs);
    if (!this.round) {
      this.round = new Promise((resolve) => (this.releaseRound = resolve));
      this.ticking = setTimeout(() => void this.tick(), TICK_EVERY_MS);
    }
    return this.round;
  }

  /** Takes the ticks due, a script per workspace; those Redis refused are due again at the next round. */
  private async tick(): Promise<void> {
    const [due, release] = [this.due, this.releaseRound];
    this.due = new Map();
    this.round = this.releaseRound = this.ticking = undefined;
    const taking: Promise<void>[] = [];
    for (const [ws, docs] of due) {
      const all = [...docs];
      for (let i = 0; i < all.length; i += ROOMS_PER_SCRIPT) {
        const some = all.slice(i, i + ROOMS_PER_SCRIPT);
        taking.push(
          this.redis.eval(NEXT_TICKS, 2, lastKey(ws), headsKey(ws), String(Date.now() * 1000), ...some).then(
            (first) => some.forEach((doc, n) => this.copy.taken(ws, doc, Number(first) + n)),
            (error: unknown) => {
              this.onError(error);
              if (!this.stopped) for (const doc of some) void this.changed(roomName({ workspaceId: ws, docId: doc }));
            },
          ),
        );
      }
    }
    await Promise.all(taking);
    release?.();
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

// Trims that wait for a room's last minute in its stream to pass, kept in Redis rather than in a relay's timers: a
// relay stopped or killed within that minute leaves them to any relay still running, or to itself restarted
// (docs/decisions/0040).
import type { Redis } from 'ioredis';
import { roomStreamKey } from './roomStreams';
import { formatStreamId, type StreamId } from './streamIds';

/** Due trims, by Redis' time in ms: members `<first id kept> <room>`. */
const TRIMS_KEY = 'maillage:trims';

/** Trims at most this many streams a script, so that one call never holds Redis long; the sweep calls again if full. */
const PER_SWEEP = 100;

/**
 * Trims the streams whose time has come, by Redis' clock, and forgets them, in one step (KEYS: the due set; ARGV: the
 * streams' key prefix, the most to trim). A trim only cuts what Postgres held when it was planned.
 */
const SWEEP = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[2]))
for _, member in ipairs(due) do
  local space = string.find(member, ' ', 1, true)
  if space then
    redis.call('XTRIM', ARGV[1] .. string.sub(member, space + 1), 'MINID', string.sub(member, 1, space - 1))
  end
end
if #due > 0 then redis.call('ZREM', KEYS[1], unpack(due)) end
return #due`;

interface WithSweep {
  maillageSweepTrims(numKeys: number, ...keysThenArgs: string[]): Promise<number>;
}

export class StreamTrims {
  private timer: NodeJS.Timeout | undefined;
  /** The sweep under way, if any: a slow Redis never has two running side by side. */
  private sweeping: Promise<void> | null = null;

  constructor(
    private readonly redis: Redis,
    /** How often this relay looks for due trims: half the time entries are kept, between 250 ms and 15 s. */
    private readonly everyMs: number,
    private readonly onError: (error: unknown) => void,
  ) {
    redis.defineCommand('maillageSweepTrims', { lua: SWEEP });
  }

  static everyMsFor(keepInStreamMs: number): number {
    return Math.min(15_000, Math.max(250, keepInStreamMs / 2));
  }

  /** The room's entries up to `from` (excluded) are to leave its stream once Redis' clock reaches `dueMs`. */
  async plan(room: string, from: StreamId, dueMs: number): Promise<void> {
    await this.redis.zadd(TRIMS_KEY, dueMs, `${formatStreamId(from)} ${room}`);
  }

  /** Trims every stream due, a script of PER_SWEEP at a time; resolves with how many. */
  async sweep(): Promise<number> {
    const command = this.redis as unknown as WithSweep;
    let trimmed = 0;
    for (;;) {
      const count = await command.maillageSweepTrims(1, TRIMS_KEY, roomStreamKey(''), String(PER_SWEEP));
      trimmed += count;
      if (count < PER_SWEEP) return trimmed;
    }
  }

  start(): void {
    this.timer = setInterval(() => {
      this.sweeping ??= this.sweep()
        .then(() => undefined, this.onError)
        .finally(() => (this.sweeping = null));
    }, this.everyMs);
    this.timer.unref();
  }

  /** No more sweeps; resolves once the one under way, if any, is over. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }
}

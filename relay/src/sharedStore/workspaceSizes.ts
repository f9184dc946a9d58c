// What each workspace keeps in the shared store, counted in Redis (docs/decisions/0040): the truth for every relay's
// quota (MAX_WORKSPACE_MB), with the last total each relay heard kept in its memory for the check of every write.
import type { Redis } from 'ioredis';
import { workspaceOf } from '../workspaceQuota';
import { formatStreamId, type StreamId } from './streamIds';

/** One hash per workspace: a field per room (its Postgres row and its stream's entries after it), and the total. */
const sizesKey = (ws: string) => `maillage:quota:${ws}`;
const TOTAL = '*';

/** A room never counted (moved in by --migrate-to-shared, written before counting began) counts what its load read. */
const SEED = `
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 1 then redis.call('HINCRBY', KEYS[1], '${TOTAL}', ARGV[2]) end
return tonumber(redis.call('HGET', KEYS[1], '${TOTAL}') or '0')`;

/**
 * After a compaction: the room weighs its new row plus its stream's entries after what the row covers, summed here in
 * one step so that no append falls between the sum and the new count.
 */
const RECOUNT = `
local tail = 0
for _, entry in ipairs(redis.call('XRANGE', KEYS[1], ARGV[2], '+')) do
  local fields = entry[2]
  for i = 1, #fields, 2 do if fields[i] == 'u' then tail = tail + #fields[i + 1] end end
end
local size = tonumber(ARGV[3]) + tail
local before = tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0')
redis.call('HSET', KEYS[2], ARGV[1], size)
return redis.call('HINCRBY', KEYS[2], '${TOTAL}', size - before)`;

/**
 * Adds each room's bytes (ARGV: room, bytes, room, bytes…) to its field and their sum to the workspace's total, which it
 * returns: one command a workspace per round, where a pipeline of one HINCRBY a room made a burst of replies to read.
 */
const COUNT = `
local sum = 0
for i = 1, #ARGV, 2 do
  redis.call('HINCRBY', KEYS[1], ARGV[i], ARGV[i + 1])
  sum = sum + tonumber(ARGV[i + 1])
end
return redis.call('HINCRBY', KEYS[1], '${TOTAL}', sum)`;

/** The count script as a command of the connection (sent whole once, then by its SHA1) and of its pipelines. */
interface WithCount {
  pipeline(): CountPipeline;
}
interface CountPipeline {
  maillageCount(key: string, ...roomsThenBytes: (string | number)[]): CountPipeline;
  exec(): Promise<[Error | null, unknown][] | null>;
}

/**
 * How long this relay's appended bytes wait before they are counted in Redis, for all the rooms written meanwhile in
 * one pipeline rather than two commands per append. This relay checks its writes against them at once; the other
 * relays learn them at most this much later (docs/decisions/0040).
 */
const COUNT_EVERY_MS = 200;

export class WorkspaceSizes {
  /** Each workspace's total as Redis last gave it, plus what this relay appended or saw other relays write since. */
  private readonly totals = new Map<string, number>();
  /** Room → bytes appended by this relay, not counted in Redis yet. */
  private pending = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  /** The count under way, which a compaction's recount and a shutdown wait for. */
  private counting: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly redis: Redis,
    private readonly onError: (error: unknown) => void,
  ) {
    redis.defineCommand('maillageCount', { lua: COUNT, numberOfKeys: 1 });
  }

  usedBy(ws: string): number {
    return this.totals.get(ws) ?? 0;
  }

  /** A batch Redis acknowledged: counted here at once, and in Redis within COUNT_EVERY_MS. */
  appended(batch: readonly { room: string; update: Uint8Array }[]): void {
    for (const { room, update } of batch) {
      this.pending.set(room, (this.pending.get(room) ?? 0) + update.byteLength);
      const ws = workspaceOf(room);
      this.totals.set(ws, this.usedBy(ws) + update.byteLength);
    }
    this.timer ??= setTimeout(() => void this.flush(), COUNT_EVERY_MS);
  }

  /** Counts the pending bytes in Redis; resolves once every count started so far is done. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const rooms = this.pending;
    if (rooms.size > 0) {
      this.pending = new Map();
      this.counting = Promise.all([this.counting, this.count(rooms)]).then(() => undefined);
    }
    return this.counting;
  }

  /**
   * One script per workspace, in one pipeline; the totals Redis gives back replace this relay's, plus what it appended
   * meanwhile. Bytes Redis refused are counted at the next round.
   */
  private async count(rooms: Map<string, number>): Promise<void> {
    const byWorkspace = new Map<string, (string | number)[]>();
    for (const [room, bytes] of rooms) {
      const ws = workspaceOf(room);
      let args = byWorkspace.get(ws);
      if (!args) byWorkspace.set(ws, (args = []));
      args.push(room, bytes);
    }
    const pipeline = (this.redis as unknown as WithCount).pipeline();
    for (const [ws, args] of byWorkspace) pipeline.maillageCount(sizesKey(ws), ...args);
    // One write for every workspace's script; a refused pipeline (connection down) fails them all.
    const replies = await pipeline.exec().catch((error: unknown) => [...byWorkspace].map(() => [error, 0] as const));
    const failed: string[] = [];
    let firstError: unknown;
    [...byWorkspace.keys()].forEach((ws, i) => {
      const [error, total] = replies?.[i] ?? [new Error('Redis gave no reply'), 0];
      if (error) {
        failed.push(ws);
        firstError ??= error;
      } else this.totals.set(ws, Number(total) + this.pendingIn(ws));
    });
    if (failed.length === 0) return;
    this.onError(firstError);
    if (this.stopped) return;
    // The refused ones are counted again whole (one answered too late, or stopped part way, counts twice: a write is
    // then refused a little early, never late).
    for (const [room, bytes] of rooms)
      if (failed.includes(workspaceOf(room))) this.pending.set(room, (this.pending.get(room) ?? 0) + bytes);
    this.timer ??= setTimeout(() => void this.flush(), COUNT_EVERY_MS);
  }

  private pendingIn(ws: string): number {
    let bytes = 0;
    for (const [room, n] of this.pending) if (workspaceOf(room) === ws) bytes += n;
    return bytes;
  }

  /** What this relay appended, counted before its connection closes. */
  stop(): Promise<void> {
    this.stopped = true;
    return this.flush();
  }

  /** A room just loaded, of this many bytes: counted if it never was, and its workspace's total learned. */
  async loaded(room: string, bytes: number): Promise<void> {
    const ws = workspaceOf(room);
    this.totals.set(ws, Number(await this.redis.eval(SEED, 1, sizesKey(ws), room, bytes)));
  }

  /** A room's row now holds this many bytes, covering its stream up to `covers`. */
  async compacted(room: string, streamKey: string, covers: StreamId, stateBytes: number): Promise<void> {
    // This relay's appends counted first: the recount sets the room's field from the stream, which holds them.
    await this.flush();
    const ws = workspaceOf(room);
    const total = await this.redis.eval(
      RECOUNT,
      2,
      streamKey,
      sizesKey(ws),
      room,
      `(${formatStreamId(covers)}`,
      stateBytes,
    );
    this.totals.set(ws, Number(total));
  }

  /** Another relay's updates, read from a room's stream: counted here until Redis gives this relay a newer total. */
  seen(room: string, bytes: number): void {
    const ws = workspaceOf(room);
    this.totals.set(ws, this.usedBy(ws) + bytes);
  }
}

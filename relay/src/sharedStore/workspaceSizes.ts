// What each workspace keeps in the shared store, counted in Redis (docs/decisions/0040): the truth for every relay's
// quota (MAX_WORKSPACE_MB), with the last total each relay heard kept in its memory for the check of every write.
import type { ChainableCommander, Redis } from 'ioredis';
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

export class WorkspaceSizes {
  /** Each workspace's total as Redis last gave it, plus what this relay saw other relays write since. */
  private readonly totals = new Map<string, number>();

  constructor(private readonly redis: Redis) {}

  usedBy(ws: string): number {
    return this.totals.get(ws) ?? 0;
  }

  /**
   * Adds to an append's pipeline the counting of its batch (one HINCRBY per room and per workspace); the returned
   * function reads the new totals from the pipeline's replies that follow the appends'.
   */
  count(pipeline: ChainableCommander, batch: readonly { room: string; update: Uint8Array }[]) {
    const rooms = new Map<string, number>();
    for (const { room, update } of batch) rooms.set(room, (rooms.get(room) ?? 0) + update.byteLength);
    const workspaces = new Map<string, number>();
    for (const [room, bytes] of rooms) {
      const ws = workspaceOf(room);
      workspaces.set(ws, (workspaces.get(ws) ?? 0) + bytes);
      pipeline.hincrby(sizesKey(ws), room, bytes);
    }
    for (const [ws, bytes] of workspaces) pipeline.hincrby(sizesKey(ws), TOTAL, bytes);
    return (replies: [Error | null, unknown][]) => {
      const totals = replies.slice(rooms.size);
      [...workspaces.keys()].forEach((ws, i) => this.totals.set(ws, Number(totals[i]?.[1] ?? 0)));
    };
  }

  /** A room just loaded, of this many bytes: counted if it never was, and its workspace's total learned. */
  async loaded(room: string, bytes: number): Promise<void> {
    const ws = workspaceOf(room);
    this.totals.set(ws, Number(await this.redis.eval(SEED, 1, sizesKey(ws), room, bytes)));
  }

  /** A room's row now holds this many bytes, covering its stream up to `covers`. */
  async compacted(room: string, streamKey: string, covers: StreamId, stateBytes: number): Promise<void> {
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

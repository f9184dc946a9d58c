// Redis side of the shared store: one stream per room (its updates since the last compaction), leases, trims.
import { Redis } from 'ioredis';
import { formatStreamId, parseStreamId, type StreamId } from './streamIds';
import type { WorkspaceSizes } from './workspaceSizes';

/** One entry of a room's stream: an update, and which room in memory (of which relay) took it from its client. */
export interface StreamEntry {
  id: StreamId;
  update: Uint8Array;
  origin: string;
}

/** Entries published together (a room's in one turn), and the id of the entry before them in the stream. */
export interface PublishedEntries {
  previous: StreamId;
  entries: StreamEntry[];
}

const roomKey = (room: string) => `maillage:room:${room}`;
const leaseKey = (room: string) => `maillage:compact:${room}`;
const CHANNEL_PREFIX = 'maillage:entries:';
const channelKey = (room: string) => `${CHANNEL_PREFIX}${room}`;
const roomOfChannel = (channel: string) =>
  channel.startsWith(CHANNEL_PREFIX) ? channel.slice(CHANNEL_PREFIX.length) : undefined;

/**
 * Adds a turn's updates to their rooms' streams (KEYS: each room's stream, then its channel; ARGV: for each room its
 * origin, how many updates, the updates) and publishes each room's new entries on its channel, in one message that
 * starts with the id of the entry before them: a reader whose cursor is behind that id missed an entry and reads the
 * stream (streamReader.ts). One script, so that no entry is in a stream without having been published. An emptied
 * stream gives 0-0 as the id before. The message: `<id before> <origin> <id> <length>…\n<update><update>…`.
 */
const APPEND = `
local k = 1
for r = 1, #KEYS, 2 do
  local origin, n = ARGV[k], tonumber(ARGV[k + 1])
  local last = redis.call('XREVRANGE', KEYS[r], '+', '-', 'COUNT', 1)[1]
  local header, updates = { last and last[1] or '0-0', origin }, {}
  for i = 1, n do
    local update = ARGV[k + 1 + i]
    header[#header + 1] = redis.call('XADD', KEYS[r], '*', 'u', update, 'o', origin)
    header[#header + 1] = #update
    updates[i] = update
  end
  redis.call('PUBLISH', KEYS[r + 1], table.concat(header, ' ') .. '\\n' .. table.concat(updates))
  k = k + 2 + n
end
return 1`;

/** Deletes the lease only if it is still ours: one that ran out and was taken since belongs to another relay. */
const RELEASE_IF_OURS = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/**
 * A command not answered in this time fails: the batch is refused (4503) rather than held while clients wait. ioredis
 * then fails fast while the connection is down too (no offline queue), instead of queueing writes nobody acknowledged.
 */
const COMMAND_TIMEOUT_MS = 2_000;

export function connectRedis(url: string, options: { blocking?: boolean } = {}): Redis {
  return new Redis(url, {
    // RESP2 replies: ioredis 6 speaks RESP3 by default, whose stream replies are maps instead of arrays.
    protocol: 2,
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    // Back within a second of Redis: ioredis 6's default backoff grows to several seconds, all refused meanwhile.
    retryStrategy: (attempt: number) => Math.min(attempt * 100, 1_000),
    // The subscribed connection of the reader (streamReader.ts) waits on purpose: no timeout there.
    commandTimeout: options.blocking ? undefined : COMMAND_TIMEOUT_MS,
  });
}

/** The append script as a command of the connection: sent whole once per connection, then by its SHA1 (EVALSHA). */
interface WithAppend {
  maillageAppend(numKeys: number, ...keysThenArgs: (string | Buffer)[]): Promise<unknown>;
}

export class RoomStreams {
  constructor(
    private readonly redis: Redis,
    readonly relayId: string,
    private readonly sizes?: WorkspaceSizes,
  ) {
    redis.defineCommand('maillageAppend', { lua: APPEND });
  }

  /**
   * Appends every update of a turn, in order, in one round trip; resolves once Redis has acknowledged all of them.
   * Their bytes are then counted for the workspaces' quotas (workspaceSizes.ts).
   */
  async append(batch: readonly { room: string; update: Uint8Array; origin: string }[]): Promise<void> {
    // Each room's updates in their order, under the origin that took them (a room in memory has one).
    const rooms = new Map<string, { room: string; origin: string; updates: Buffer[] }>();
    for (const { room, update, origin } of batch) {
      const key = `${origin} ${room}`;
      let group = rooms.get(key);
      if (!group) rooms.set(key, (group = { room, origin, updates: [] }));
      group.updates.push(Buffer.from(update.buffer, update.byteOffset, update.byteLength));
    }
    const keys: string[] = [];
    const args: (string | Buffer)[] = [];
    for (const { room, origin, updates } of rooms.values()) {
      keys.push(roomKey(room), channelKey(room));
      args.push(origin, String(updates.length), ...updates);
    }
    await (this.redis as unknown as WithAppend).maillageAppend(keys.length, ...keys, ...args);
    this.sizes?.appended(batch);
  }

  /** The room's whole stream, oldest first. */
  async read(room: string): Promise<StreamEntry[]> {
    return entriesOf(await this.redis.xrangeBuffer(roomKey(room), '-', '+'));
  }

  /** The room's entries after `cursor`, oldest first: what a reader missed on the room's channel. */
  async readAfter(room: string, cursor: StreamId): Promise<StreamEntry[]> {
    return entriesOf(await this.redis.xrangeBuffer(roomKey(room), `(${formatStreamId(cursor)}`, '+'));
  }

  /** Takes the room's compaction lease for `ms` if nobody holds it; returns its token, or null. */
  async lease(room: string, ms: number): Promise<string | null> {
    const token = `${this.relayId}:${Date.now()}:${Math.random().toString(36).slice(2)}`;
    const taken = await this.redis.set(leaseKey(room), token, 'PX', ms, 'NX');
    return taken === 'OK' ? token : null;
  }

  async release(room: string, token: string): Promise<void> {
    await this.redis.eval(RELEASE_IF_OURS, 1, leaseKey(room), token);
  }

  /** Redis' clock in ms: the one its stream ids come from. */
  async now(): Promise<number> {
    const [seconds, micros] = await this.redis.time();
    return Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
  }

  /** Removes the room's entries before `from`. */
  async trim(room: string, from: StreamId): Promise<void> {
    await this.redis.xtrim(roomKey(room), 'MINID', formatStreamId(from));
  }

  /** The rooms' stream lengths, in one round trip that starts with a PING: its time is Redis' round trip. */
  async lengths(rooms: readonly string[]): Promise<number[]> {
    const pipeline = this.redis.pipeline().ping();
    for (const room of rooms) pipeline.xlen(roomKey(room));
    const results = (await pipeline.exec()) ?? [];
    return results.slice(1).map(([err, n]) => (err ? 0 : Number(n)));
  }
}

type RawEntries = [Buffer, Buffer[]][];

/** Stream entries as ioredis returns them (id, then field, value, field, value…); entries without an update skipped. */
export function entriesOf(raw: RawEntries): StreamEntry[] {
  const entries: StreamEntry[] = [];
  for (const [id, fields] of raw) {
    let update: Buffer | undefined;
    let origin = '';
    for (let i = 0; i + 1 < fields.length; i += 2) {
      const name = fields[i]!.toString();
      if (name === 'u') update = fields[i + 1];
      else if (name === 'o') origin = fields[i + 1]!.toString();
    }
    if (update) entries.push({ id: parseStreamId(id.toString()), update: new Uint8Array(update), origin });
  }
  return entries;
}

/** A message of a room's channel (APPEND above), or undefined if it is not one. */
export function parsePublished(message: Buffer): PublishedEntries | undefined {
  const end = message.indexOf(10);
  if (end < 0) return undefined;
  const [previous, origin, ...rest] = message.subarray(0, end).toString().split(' ');
  const entries: StreamEntry[] = [];
  let at = end + 1;
  try {
    for (let i = 0; i + 1 < rest.length; i += 2) {
      const length = Number(rest[i + 1]);
      const update = new Uint8Array(message.subarray(at, at + length));
      at += length;
      entries.push({ id: parseStreamId(rest[i]!), origin: origin ?? '', update });
    }
    return at === message.length ? { previous: parseStreamId(previous ?? ''), entries } : undefined;
  } catch {
    return undefined;
  }
}

export { roomKey as roomStreamKey, channelKey as roomChannelKey, roomOfChannel };

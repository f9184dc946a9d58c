// The rooms' store when several relays share them: Redis streams for recent updates and fan-out, Postgres for the rest.
import { randomUUID } from 'node:crypto';
import { defaults } from '../config';
import type { Redis } from 'ioredis';
import { CompactedStates } from './compactedStates';
import { connectRedis, RoomStreams, roomStreamKey, type StreamEntry } from './roomStreams';
import { WorkspaceSizes } from './workspaceSizes';
import { SharedQuarantine } from './sharedQuarantine';
import { StreamReader } from './streamReader';
import { StreamTrims } from './streamTrims';
import { SharedPresence } from './sharedPresence';
import { compareStreamIds, nextStreamId, STREAM_START, trimPoint, type StreamId } from './streamIds';

/** How long a compaction may hold a room's lease: past it, another relay may compact (its write is then refused). */
const LEASE_MS = 30_000;

export interface LoadedRoom {
  /** The compacted state first (if any), then the stream's entries: what a Room is built from. */
  history: Uint8Array[];
  /** Everything up to this stream id is in `history`; the room is read from there on. */
  cursor: StreamId;
}

/** What /metrics shows of the shared store (sharedStoreGauges.ts). */
export interface SharedStoreReading {
  redisSeconds: number;
  postgresSeconds: number;
  /** Entries in the streams of the rooms this relay holds, and the longest of them. */
  streamEntries: number;
  longestStream: number;
}

export type CompactionOutcome = 'compacted' | 'busy' | 'stale';

export interface SharedRoomLog {
  readonly relayId: string;
  /** What each workspace keeps in the shared store, for the quota (MAX_WORKSPACE_MB). */
  readonly sizes: WorkspaceSizes;
  /** Rooms quarantined by any relay. */
  readonly quarantine: SharedQuarantine;
  load(room: string): Promise<LoadedRoom>;
  /**
   * Resolves once Redis has acknowledged every update of the batch, in order. `origin` names the room in memory that
   * took the update: reading its stream, that room skips its own entries (forwarded already) and no other's.
   */
  append(batch: readonly { room: string; update: Uint8Array; origin: string }[]): Promise<void>;
  /** A name for a room just loaded in memory, unique across relays and loads: the `origin` of what it appends. */
  newOrigin(): string;
  /** Hands the room's new entries written by others than `origin`, from `cursor` on; its own only move its cursor. */
  follow(room: string, cursor: StreamId, origin: string, onOthers: (entries: StreamEntry[]) => void): void;
  unfollow(room: string): void;
  /** Presence: publishes the room's awareness changes made here, hands over those published by other relays. */
  publishPresence(room: string, origin: string, update: Uint8Array): void;
  followPresence(room: string, origin: string, onOthers: (update: Uint8Array) => void): void;
  /** How far the room has been read: its state in memory holds every entry up to this id. */
  cursor(room: string): StreamId;
  /** Writes `state`, which holds everything up to `covers`, to Postgres under the room's lease, then trims. */
  compact(room: string, state: Uint8Array, covers: StreamId): Promise<CompactionOutcome>;
  /** Whether the room holds anything, in its stream or in Postgres. */
  hasContent(room: string): Promise<boolean>;
  /** Round trips to both engines, and the length of the streams of the rooms followed (for /metrics). */
  probe(): Promise<SharedStoreReading>;
  close(): Promise<void>;
}

export async function openSharedRoomLog(
  urls: { redisUrl: string; databaseUrl: string },
  onError: (error: unknown) => void,
  /** Entries stay in a stream this long after Postgres holds them, for relays whose reading is behind (y/hub). */
  { keepInStreamMs = defaults.STREAM_KEEP_MS }: { keepInStreamMs?: number } = {},
): Promise<SharedRoomLog> {
  const relayId = randomUUID();
  const writer = connectRedis(urls.redisUrl);
  const subscribed = connectRedis(urls.redisUrl, { blocking: true });
  const listening = connectRedis(urls.redisUrl, { blocking: true });
  const connections: Redis[] = [writer, subscribed, listening];
  // An error event without a listener would end the process; ioredis reconnects by itself.
  for (const connection of connections) connection.on('error', onError);
  await Promise.all(connections.map((connection) => connection.connect()));
  const states = new CompactedStates(urls.databaseUrl);
  await states.prepare();
  const sizes = new WorkspaceSizes(writer, onError);
  const streams = new RoomStreams(writer, relayId, sizes);
  const reader = new StreamReader(subscribed, (room, cursor) => streams.readAfter(room, cursor), onError);
  const presence = new SharedPresence(listening, writer, onError);
  const quarantine = new SharedQuarantine(urls, writer, onError);
  await quarantine.start();
  const cursors = new Map<string, StreamId>();
  let loads = 0;
  // A compaction keeps the entries of its last minute; those of a room no relay holds any more would stay for good, as
  // no compaction comes for it again. So each compaction that kept some plans their trim in Redis, for once that minute
  // is over, and every relay sweeps the trims due (streamTrims.ts).
  const trims = new StreamTrims(writer, StreamTrims.everyMsFor(keepInStreamMs), onError);
  trims.start();
  const trim = async (room: string, covers: StreamId) => {
    const now = await streams.now();
    const point = trimPoint(covers, now, keepInStreamMs);
    await streams.trim(room, point);
    if (compareStreamIds(point, covers) <= 0) await trims.plan(room, nextStreamId(covers), now + keepInStreamMs + 1);
  };

  return {
    relayId,
    sizes,
    quarantine,
    load: async (room) => {
      // Stream first, then Postgres: an entry leaves the stream only once Postgres holds it (docs/decisions/0040).
      const entries = await streams.read(room);
      const compacted = await states.load(room);
      const history = entries.map((entry) => entry.update);
      if (compacted && compacted.state.byteLength > 0) history.unshift(compacted.state);
      const last = entries.at(-1)?.id ?? STREAM_START;
      const covered = compacted?.covers ?? STREAM_START;
      // Counted as a compaction counts it: the row, and the entries after what it holds.
      await sizes.loaded(
        room,
        entries
          .filter((entry) => compareStreamIds(entry.id, covered) > 0)
          .reduce((bytes, entry) => bytes + entry.update.byteLength, compacted?.state.byteLength ?? 0),
      );
      return { history, cursor: compareStreamIds(last, covered) > 0 ? last : covered };
    },
    append: (batch) => streams.append(batch),
    newOrigin: () => `${relayId}:${++loads}`,
    follow: (room, cursor, origin, onOthers) => {
      cursors.set(room, cursor);
      reader.subscribe(room, cursor, (entries) => {
        cursors.set(room, entries.at(-1)!.id);
        const others = entries.filter((entry) => entry.origin !== origin);
        if (others.length === 0) return;
        sizes.seen(
          room,
          others.reduce((bytes, entry) => bytes + entry.update.byteLength, 0),
        );
        onOthers(others);
      });
    },
    unfollow: (room) => {
      reader.unsubscribe(room);
      presence.unfollow(room);
      cursors.delete(room);
    },
    publishPresence: (room, origin, update) => presence.publish(room, origin, update),
    followPresence: (room, origin, onOthers) => presence.follow(room, origin, onOthers),
    cursor: (room) => cursors.get(room) ?? STREAM_START,
    compact: async (room, state, covers) => {
      const token = await streams.lease(room, LEASE_MS);
      if (!token) return 'busy';
      try {
        if (!(await states.store(room, state, covers))) return 'stale';
        await sizes.compacted(room, roomStreamKey(room), covers, state.byteLength);
        await trim(room, covers);
        return 'compacted';
      } finally {
        await streams.release(room, token).catch(onError);
      }
    },
    hasContent: async (room) => {
      const [length] = await streams.lengths([room]);
      return (length ?? 0) > 0 || (await states.load(room)) !== null;
    },
    probe: async () => {
      let started = performance.now();
      const lengths = await streams.lengths([...cursors.keys()]);
      const redisSeconds = (performance.now() - started) / 1000;
      started = performance.now();
      await states.ping();
      const postgresSeconds = (performance.now() - started) / 1000;
      return {
        redisSeconds,
        postgresSeconds,
        streamEntries: lengths.reduce((sum, n) => sum + n, 0),
        longestStream: Math.max(0, ...lengths),
      };
    },
    close: async () => {
      await trims.stop();
      presence.stop();
      await quarantine.stop();
      await reader.stop();
      await sizes.stop();
      writer.disconnect();
      await states.close();
    },
  };
}

// A record every relay shares (revocations, care-team lists): a Redis hash of what was announced, a channel that
// announces each new entry, and Postgres' copy. Followed here: both copies at start, each announcement, and Redis'
// record again after a lost connection; announcing is the caller's (what it records, and when).
import type { Redis } from 'ioredis';
import type { z } from 'zod/mini';
import { connectRedis } from './roomStreams';
import { Announcer } from './announcer';
import type { DurableRecords } from './durableRecords';

export interface FollowedRecord {
  writer: Redis;
  announcer: Announcer;
  /** Keeps an entry in Postgres too, tried again until Postgres takes it (ranked as DurableRecords.put says). */
  keep(field: string, value: string, rank?: string): void;
  /** The record's fields as Redis holds them now. */
  fields(): Promise<string[]>;
  stop(): void;
}

export async function followSharedRecord<T>(options: {
  redisUrl: string;
  record: string;
  channel: string;
  /** What an entry is, for the errors (« revocation », « list »). */
  what: string;
  schema: z.ZodMiniType<T>;
  adopt: (entry: T) => void;
  /** Postgres' copy of every record: read at start, written by keep(). */
  durable: DurableRecords;
  onError: (error: unknown) => void;
}): Promise<FollowedRecord> {
  const { redisUrl, record, channel, what, schema, adopt, durable, onError } = options;
  const writer = connectRedis(redisUrl);
  const listener: Redis = connectRedis(redisUrl, { blocking: true });
  for (const connection of [writer, listener]) connection.on('error', onError);
  await Promise.all([writer.connect(), listener.connect()]);

  const take = (raw: string) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return onError(new Error(`${what} announced in an unreadable form`));
    }
    const entry = schema.safeParse(parsed);
    if (!entry.success) return onError(new Error(`${what} announced in an unexpected form`));
    adopt(entry.data);
  };
  const readRecord = async () => {
    for (const raw of Object.values(await writer.hgetall(record))) take(raw);
  };
  // Listening first, then reading the record: one announced in between is in one or the other, maybe both.
  listener.on('message', (_channel: string, message: string) => take(message));
  await listener.subscribe(channel);
  await readRecord();
  // What Redis lost (flushed, or restarted without its append-only file) Postgres still has; the caller then announces
  // to Redis what its record lacks.
  try {
    for (const raw of await durable.values(record)) take(raw);
  } catch (err) {
    onError(err);
  }

  const announcer = new Announcer(onError);
  // Postgres' writes in their own queue: one that waits for Postgres never holds back Redis' announcements.
  const keeper = new Announcer(onError);
  // Back from a lost connection (ioredis subscribes again by itself): what was announced meanwhile is in the record.
  listener.on('ready', () => announcer.announce(readRecord));
  return {
    writer,
    announcer,
    keep: (field, value, rank) => keeper.announce(() => durable.put(record, field, value, rank)),
    fields: async () => Object.keys(await writer.hgetall(record)),
    stop: () => {
      announcer.stop();
      keeper.stop();
      listener.disconnect();
      writer.disconnect();
    },
  };
}

// Care-team lists shared by every relay: the newest list of each room recorded in Redis and announced on a channel,
// so that a list changed through one relay closes the sockets of those taken off it on every relay at once.
import { z } from 'zod/mini';
import { aclViewSchema, ACL_KINDS, type AclRecord } from '@maillage/shared/sync';
import type { Acls } from '../acls';
import { connectRedis } from './roomStreams';
import { Announcer } from './announcer';

const RECORD = 'maillage:acls';
const CHANNEL = 'maillage:acl';

const recordSchema = z.object({ ...aclViewSchema.shape, kind: z.enum(ACL_KINDS) });

/** Records the list only if it is newer than the recorded one (as Acls.adopt decides), and announces it then. */
const RECORD_IF_NEWER = `
local current = redis.call('HGET', KEYS[1], ARGV[1])
if current then
  local held = cjson.decode(current)
  if held.updatedAt > ARGV[3] or (held.updatedAt == ARGV[3] and held.updatedBy >= ARGV[4]) then return 0 end
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('PUBLISH', KEYS[2], ARGV[2])
return 1`;

/**
 * Takes every list already recorded (one set while this relay was down included), then each new one as it is
 * announced; records and announces this relay's own. Each relay keeps its copy in SQLite, read by admission.
 */
export async function shareAcls(
  acls: Acls,
  redisUrl: string,
  onError: (error: unknown) => void,
): Promise<{ stop(): void }> {
  const writer = connectRedis(redisUrl);
  const listener = connectRedis(redisUrl, { blocking: true });
  for (const connection of [writer, listener]) connection.on('error', onError);
  await Promise.all([writer.connect(), listener.connect()]);

  const adopt = (raw: string) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return onError(new Error('list announced in an unreadable form'));
    }
    const record = recordSchema.safeParse(parsed);
    if (!record.success) return onError(new Error('list announced in an unexpected form'));
    acls.adopt(record.data as AclRecord);
  };
  // Listening first, then reading the record: one announced in between is in one or the other, maybe both.
  listener.on('message', (_channel: string, message: string) => adopt(message));
  await listener.subscribe(CHANNEL);
  for (const raw of Object.values(await writer.hgetall(RECORD))) adopt(raw);

  const announcer = new Announcer(onError);
  const announce = (acl: AclRecord) => {
    const message = JSON.stringify(acl);
    announcer.announce(() =>
      writer.eval(RECORD_IF_NEWER, 2, RECORD, CHANNEL, acl.room, message, acl.updatedAt, acl.updatedBy),
    );
  };
  // Set here while Redis could not take them, before a restart: recorded now, if still the newest.
  for (const acl of acls.all()) announce(acl);
  // Back from a lost connection (ioredis subscribes again by itself): what was announced meanwhile is in the record.
  listener.on('ready', () =>
    announcer.announce(async () => {
      for (const raw of Object.values(await writer.hgetall(RECORD))) adopt(raw);
    }),
  );
  acls.on('changed', (acl, source) => {
    if (source === 'here') announce(acl);
  });

  return {
    stop: () => {
      announcer.stop();
      listener.disconnect();
      writer.disconnect();
    },
  };
}

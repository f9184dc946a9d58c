// Care-team lists shared by every relay: the newest list of each room recorded in Redis and announced on a channel,
// so that a list changed through one relay closes the sockets of those taken off it on every relay at once.
import { z } from 'zod/mini';
import { aclViewSchema, ACL_KINDS, type AclRecord } from '@maillage/shared/sync';
import type { Acls } from '../acls';
import { followSharedRecord } from './sharedRecord';
import type { DurableRecords } from './durableRecords';

export const ACLS_RECORD = 'maillage:acls';
const RECORD = ACLS_RECORD;
const CHANNEL = 'maillage:acl';

/** A list's rank in Postgres' copy, as RECORD_IF_NEWER orders them: by updatedAt, then by who set it. */
export const rankOf = (acl: AclRecord) => `${acl.updatedAt}\u0001${acl.updatedBy}`;

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
  durable: DurableRecords,
  onError: (error: unknown) => void,
): Promise<{ stop(): void }> {
  const shared = await followSharedRecord({
    redisUrl,
    durable,
    record: RECORD,
    channel: CHANNEL,
    what: 'list',
    schema: recordSchema,
    adopt: (record) => acls.adopt(record as AclRecord),
    onError,
  });
  const announce = (acl: AclRecord) => {
    const message = JSON.stringify(acl);
    shared.announcer.announce(() =>
      shared.writer.eval(RECORD_IF_NEWER, 2, RECORD, CHANNEL, acl.room, message, acl.updatedAt, acl.updatedBy),
    );
    shared.keep(acl.room, message, rankOf(acl));
  };
  // Set here while Redis could not take them, before a restart: recorded now, if still the newest.
  for (const acl of acls.all()) announce(acl);
  acls.on('changed', (acl, source) => {
    if (source === 'here') announce(acl);
  });
  return { stop: () => shared.stop() };
}

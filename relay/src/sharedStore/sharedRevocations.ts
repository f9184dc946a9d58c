// Revocations shared by every relay: recorded in Redis and announced on a channel, so that a revocation made through
// one relay closes the affected sockets on all of them at once, and refuses them everywhere afterwards.
import { z } from 'zod/mini';
import { idSchema, REVOCATION_KINDS, workspaceIdSchema } from '@maillage/shared/sync';
import type { Revocation, Revocations } from '../revocations';
import { followSharedRecord } from './sharedRecord';
import type { DurableRecords } from './durableRecords';

export const REVOCATIONS_RECORD = 'maillage:revocations';
const RECORD = REVOCATIONS_RECORD;
const CHANNEL = 'maillage:revoked';

const revocationSchema = z.object({ ws: workspaceIdSchema, kind: z.enum(REVOCATION_KINDS), target: idSchema });

export const fieldOf = (r: Revocation) => `${r.ws}/${r.kind}/${r.target}`;
export const messageOf = (r: Revocation) => JSON.stringify({ ws: r.ws, kind: r.kind, target: r.target });

/**
 * Takes every revocation already made through any relay (one made while this relay was down included), then each new
 * one as it is announced; announces this relay's own. Each relay keeps its copy in SQLite, read by admission.
 */
export async function shareRevocations(
  revocations: Revocations,
  redisUrl: string,
  durable: DurableRecords,
  onError: (error: unknown) => void,
): Promise<{ stop(): void }> {
  const shared = await followSharedRecord({
    redisUrl,
    durable,
    record: RECORD,
    channel: CHANNEL,
    what: 'revocation',
    schema: revocationSchema,
    adopt: (revocation) => {
      if (!revocations.has(revocation)) revocations.revoke(revocation, 'peer');
    },
    onError,
  });
  const announce = (r: Revocation) => {
    const message = messageOf(r);
    shared.announcer.announce(async () => {
      await shared.writer.hset(RECORD, fieldOf(r), message);
      await shared.writer.publish(CHANNEL, message);
    });
    shared.keep(fieldOf(r), message);
  };
  // Made here while Redis could not take them, before a restart: the record has them from now on.
  const recorded = new Set(await shared.fields());
  // And Postgres keeps them all: one made here just before a stop may not have reached it (kept once, whoever asks).
  for (const r of revocations.all())
    if (!recorded.has(fieldOf(r))) announce(r);
    else shared.keep(fieldOf(r), messageOf(r));
  revocations.on('revoked', (r, source) => {
    if (source === 'here') announce(r);
  });
  return { stop: () => shared.stop() };
}

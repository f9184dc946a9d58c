// Revocations shared by every relay: recorded in Redis and announced on a channel, so that a revocation made through
// one relay closes the affected sockets on all of them at once, and refuses them everywhere afterwards.
import type { Redis } from 'ioredis';
import { z } from 'zod/mini';
import { idSchema, REVOCATION_KINDS, workspaceIdSchema } from '@maillage/shared/sync';
import type { Revocation, Revocations } from '../revocations';
import { connectRedis } from './roomStreams';
import { Announcer } from './announcer';

const RECORD = 'maillage:revocations';
const CHANNEL = 'maillage:revoked';

const revocationSchema = z.object({ ws: workspaceIdSchema, kind: z.enum(REVOCATION_KINDS), target: idSchema });

const fieldOf = (r: Revocation) => `${r.ws}/${r.kind}/${r.target}`;

/**
 * Takes every revocation already made through any relay (one made while this relay was down included), then each new
 * one as it is announced; announces this relay's own. Each relay keeps its copy in SQLite, read by admission.
 */
export async function shareRevocations(
  revocations: Revocations,
  redisUrl: string,
  onError: (error: unknown) => void,
): Promise<{ stop(): void }> {
  const writer = connectRedis(redisUrl);
  const listener: Redis = connectRedis(redisUrl, { blocking: true });
  for (const connection of [writer, listener]) connection.on('error', onError);
  await Promise.all([writer.connect(), listener.connect()]);

  const adopt = (raw: string) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return onError(new Error('revocation announced in an unreadable form'));
    }
    const revocation = revocationSchema.safeParse(parsed);
    if (!revocation.success) return onError(new Error('revocation announced in an unexpected form'));
    if (!revocations.has(revocation.data)) revocations.revoke(revocation.data, 'peer');
  };
  // Listening first, then reading the record: one announced in between is in one or the other, maybe both.
  listener.on('message', (_channel: string, message: string) => adopt(message));
  await listener.subscribe(CHANNEL);
  for (const raw of Object.values(await writer.hgetall(RECORD))) adopt(raw);

  const announcer = new Announcer(onError);
  const announce = (r: Revocation) => {
    const message = JSON.stringify({ ws: r.ws, kind: r.kind, target: r.target });
    announcer.announce(async () => {
      await writer.hset(RECORD, fieldOf(r), message);
      await writer.publish(CHANNEL, message);
    });
  };
  // Made here while Redis could not take them, before a restart: the record has them from now on.
  const recorded = new Set(Object.keys(await writer.hgetall(RECORD)));
  for (const r of revocations.all()) if (!recorded.has(fieldOf(r))) announce(r);
  // Back from a lost connection (ioredis subscribes again by itself): what was announced meanwhile is in the record.
  listener.on('ready', () =>
    announcer.announce(async () => {
      for (const raw of Object.values(await writer.hgetall(RECORD))) adopt(raw);
    }),
  );
  revocations.on('revoked', (r, source) => {
    if (source === 'here') announce(r);
  });

  return {
    stop: () => {
      announcer.stop();
      listener.disconnect();
      writer.disconnect();
    },
  };
}

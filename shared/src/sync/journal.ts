// What the relay answers about access: journal entries and revocations for a coordinator, whether a token is admitted
// (parsed by the client with zod).
import { z } from 'zod/mini';
import { REVOCATION_KINDS } from './requests';
import { roleSchema } from './roles';

/** `fetch`: the documents a device synced in the background, summed up per device and minute (decision 0029). */
export const JOURNAL_EVENTS = ['open', 'close', 'refused', 'writeDropped', 'revoke', 'acl', 'fetch'] as const;

export const journalEntrySchema = z.object({
  t: z.string(),
  ws: z.nullable(z.string()),
  room: z.nullable(z.string()),
  member: z.nullable(z.string()),
  device: z.nullable(z.string()),
  role: z.nullable(z.string()),
  address: z.nullable(z.string()),
  event: z.enum(JOURNAL_EVENTS),
  reason: z.nullable(z.string()),
  bytes: z.number(),
});
export type JournalEntryView = z.infer<typeof journalEntrySchema>;
export const journalResponseSchema = z.object({ entries: z.array(journalEntrySchema) });

export const revocationViewSchema = z.object({ kind: z.enum(REVOCATION_KINDS), target: z.string(), at: z.string() });
export type RevocationView = z.infer<typeof revocationViewSchema>;
export const revocationsResponseSchema = z.object({ revocations: z.array(revocationViewSchema) });

/** GET /access: a token the relay would admit now, or why not (`error`: unauthorized, tokenExpired, revoked). */
export const accessCheckSchema = z.union([
  z.object({ ok: z.literal(true), role: roleSchema, expiresAt: z.iso.datetime() }),
  z.object({ error: z.string() }),
]);
export type AccessCheck = z.infer<typeof accessCheckSchema>;

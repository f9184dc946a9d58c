// The coordinator's requests to the relay: revoke, list revocations, read the journal. Answers are parsed, never trusted.
import {
  journalResponseSchema,
  newDocId,
  parisDayBounds,
  revocationsResponseSchema,
  signRevokeRequest,
  type JournalEntryView,
  type RevocationView,
  type RevokeRequest,
} from '@maillage/shared';
import type { WorkspaceRow } from '../store/db';
import { signerOf } from './access';

export class RelayAccessError extends Error {
  constructor(
    readonly key:
      | 'access.errors.offline'
      | 'access.errors.refused'
      | 'access.errors.badAnswer'
      | 'access.errors.keyRemoved'
      | 'access.errors.busy',
  ) {
    super(key);
  }
}

async function call(path: string, init: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, cache: 'no-store' });
  } catch {
    throw new RelayAccessError('access.errors.offline');
  }
  // 403 on a signed request: the key that signed it was itself taken away (decision 0017).
  if (response.status === 403 && path === '/revoke') throw new RelayAccessError('access.errors.keyRemoved');
  // Too many signed requests from this address (SIGNED_REQUESTS_PER_ADDRESS): nothing was refused, only deferred.
  if (response.status === 429) throw new RelayAccessError('access.errors.busy');
  if (!response.ok) throw new RelayAccessError('access.errors.refused');
  return response.json();
}

const bearer = (row: WorkspaceRow) => ({ authorization: `Bearer ${row.token}` });

/** Asks the relay to revoke a person (`member`), one device (`device`) or one coordination key (`delegation`). */
export async function revokeAccess(row: WorkspaceRow, kind: RevokeRequest['kind'], target: string): Promise<void> {
  const signer = await signerOf(row);
  if (!signer) throw new RelayAccessError('access.errors.refused');
  const body = await signRevokeRequest(signer, { ws: row.id, kind, target, jti: newDocId() });
  await call('/revoke', { method: 'POST', body });
}

export async function listRevocations(row: WorkspaceRow): Promise<RevocationView[]> {
  const parsed = revocationsResponseSchema.safeParse(await call(`/revocations?ws=${row.id}`, { headers: bearer(row) }));
  if (!parsed.success) throw new RelayAccessError('access.errors.badAnswer');
  return parsed.data.revocations;
}

export interface JournalFilter {
  member: string;
  /** A room name (workspace/document), or '' for all. */
  room: string;
  /** Paris calendar days (YYYY-MM-DD), both included, or ''. */
  from: string;
  to: string;
}

export async function readJournal(row: WorkspaceRow, filter: JournalFilter, limit = 500): Promise<JournalEntryView[]> {
  const query = new URLSearchParams({ ws: row.id, limit: String(limit) });
  if (filter.member) query.set('member', filter.member);
  if (filter.room) query.set('room', filter.room);
  if (filter.from) query.set('from', parisDayBounds(filter.from).start);
  if (filter.to) query.set('to', parisDayBounds(filter.to).end);
  const parsed = journalResponseSchema.safeParse(await call(`/journal?${query}`, { headers: bearer(row) }));
  if (!parsed.success) throw new RelayAccessError('access.errors.badAnswer');
  return parsed.data.entries;
}

/** Which of these people the server has seen connect (any entry in the journal under their member id). */
export async function seenMembers(row: WorkspaceRow, memberIds: readonly string[]): Promise<Set<string>> {
  const found = await Promise.all(
    memberIds.map((member) => readJournal(row, { member, room: '', from: '', to: '' }, 1).then((e) => e.length > 0)),
  );
  return new Set(memberIds.filter((_, i) => found[i]));
}

// A restricted room's list on the relay (GET/POST /acl), authenticated by this device's own access token. Answers are
// parsed, never trusted; every failure carries a code the care-team screens turn into French.
import { z } from 'zod/mini';
import { aclViewSchema, roomName, type AclKind, type AclPurpose, type AclView } from '@maillage/shared';
import type { WorkspaceRow } from '../store/db';

/** `unbound`: the room's id is not bound to this member (a case an earlier version made offline); `hasContent`: the
 * room already holds content. Either way the relay will never restrict it for us (decision 0016). */
export type AclErrorCode =
  'offline' | 'forbidden' | 'unauthorized' | 'refused' | 'badAnswer' | 'unbound' | 'hasContent';

export class AclError extends Error {
  constructor(readonly code: AclErrorCode) {
    super(`acl: ${code}`);
  }
}

async function call(row: WorkspaceRow, init: RequestInit, query = ''): Promise<Response> {
  try {
    return await fetch(`/acl${query}`, {
      ...init,
      cache: 'no-store',
      headers: { authorization: `Bearer ${row.token}`, ...init.headers },
    });
  } catch {
    throw new AclError('offline');
  }
}

const refusalSchema = z.object({ error: z.string() });

async function failure(response: Response): Promise<AclError> {
  const { status } = response;
  if (status === 401) return new AclError('unauthorized');
  const parsed = refusalSchema.safeParse(await response.json().catch(() => null));
  const error = parsed.success ? parsed.data.error : null;
  if (status === 403 && error === 'roomNotBound') return new AclError('unbound');
  if (status === 409 && error === 'roomHasContent') return new AclError('hasContent');
  if (status === 403) return new AclError('forbidden');
  return new AclError('refused');
}

async function view(response: Response): Promise<AclView> {
  const parsed = aclViewSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw new AclError('badAnswer');
  return parsed.data;
}

/** The room's list, or null when the room is not restricted (yet): open to the whole workspace. */
export async function getAcl(row: WorkspaceRow, docId: string): Promise<AclView | null> {
  const room = roomName({ workspaceId: row.id, docId });
  const response = await call(row, {}, `?room=${encodeURIComponent(room)}`);
  if (response.status === 404) return null;
  if (!response.ok) throw await failure(response);
  return view(response);
}

/** Sets the room's list: the first call, with the nonce the room's id was made from, restricts it, makes this member
 * its owner and gives it its kind (a care team's unless told). A purpose tells the relay's journal why it grows. */
export async function setAcl(
  row: WorkspaceRow,
  docId: string,
  members: readonly string[],
  nonce?: string,
  kind?: AclKind,
  purpose?: AclPurpose,
): Promise<AclView> {
  const room = roomName({ workspaceId: row.id, docId });
  const response = await call(row, {
    method: 'POST',
    body: JSON.stringify({ room, members, nonce, kind, purpose }),
    headers: { 'content-type': 'application/json' },
  });
  if (!response.ok) throw await failure(response);
  return view(response);
}

// A restricted room's list on the relay (GET/POST /acl), authenticated by this device's own access token. Answers are
// parsed, never trusted; every failure carries a code the care-team screens turn into French.
import { aclViewSchema, roomName, type AclView } from '@maillage/shared';
import type { WorkspaceRow } from '../store/db';

export type AclErrorCode = 'offline' | 'forbidden' | 'unauthorized' | 'refused' | 'badAnswer';

export class AclError extends Error {
  constructor(readonly code: AclErrorCode) {
    super(`acl: ${code}`);
  }
}

async function call(row: WorkspaceRow, init: RequestInit, query = ''): Promise<Response> {
  try {
    return await fetch(`/acl${query}`, { ...init, cache: 'no-store', headers: { authorization: `Bearer ${row.token}`, ...init.headers } });
  } catch {
    throw new AclError('offline');
  }
}

function failure(status: number): AclError {
  if (status === 401) return new AclError('unauthorized');
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
  if (!response.ok) throw failure(response.status);
  return view(response);
}

/** Sets the room's list: the first call restricts the room and makes this member its owner. */
export async function setAcl(row: WorkspaceRow, docId: string, members: readonly string[]): Promise<AclView> {
  const room = roomName({ workspaceId: row.id, docId });
  const response = await call(row, { method: 'POST', body: JSON.stringify({ room, members }), headers: { 'content-type': 'application/json' } });
  if (!response.ok) throw failure(response.status);
  return view(response);
}

// Who this device acts as in a crisis, for the layout's checks: the workspace's member and role. Référents SSE come
// from the crisis plan once it exists; until then, coordinators activate.
import type { CrisisActor } from '@maillage/shared';
import type { WorkspaceRow } from '../../store/db';

export const crisisActor = (row: Pick<WorkspaceRow, 'memberId' | 'role'>): CrisisActor => ({
  memberId: row.memberId,
  role: row.role,
});

/** A member's name from the annuaire, or a neutral word when they are not (yet) in it. */
export const nameOf = (members: readonly { memberId: string; name: string }[], id: string, fallback: string) =>
  members.find((m) => m.memberId === id)?.name ?? fallback;

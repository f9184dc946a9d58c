// Who this device acts as in a crisis, for the layout's checks: the workspace's member and role, and whether the
// crisis plan names them SSE référent (titulaire or suppléant), which lets a member activate and raise the crisis.
import type { CrisisActor } from '@maillage/shared';
import type { WorkspaceRow } from '../../store/db';

export const crisisActor = (
  row: Pick<WorkspaceRow, 'memberId' | 'role'>,
  referents: readonly string[] = [],
): CrisisActor => ({
  memberId: row.memberId,
  role: row.role,
  referent: referents.includes(row.memberId),
});

/** A member's name from the annuaire, or a neutral word when they are not (yet) in it. */
export const nameOf = (members: readonly { memberId: string; name: string }[], id: string, fallback: string) =>
  members.find((m) => m.memberId === id)?.name ?? fallback;

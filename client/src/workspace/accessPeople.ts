// Who « Accès » lists, from what this device knows: the annuaire (members write their own entry), the invitations
// written down (observers, who write nothing, and people not arrived yet), and whom the server has seen connect.
import {
  isInvitationLive,
  type DirectoryMember,
  type Profession,
  type Role,
  type WorkspaceInvitation,
} from '@maillage/shared';

export interface AccessPerson {
  memberId: string;
  name: string;
  profession: Profession | null;
  role: Role | null;
  organisation: string;
}

export interface AccessPeople {
  /** People in the workspace: with an entry in the annuaire, or seen by the server. */
  people: AccessPerson[];
  /** Invitations not used yet, still valid, not withdrawn. */
  pending: WorkspaceInvitation[];
  /** Invitations whose use is unknown here: ask the server whether their person was seen. */
  toCheck: string[];
}

export function accessPeople(
  members: readonly DirectoryMember[],
  invitations: readonly WorkspaceInvitation[],
  seen: ReadonlySet<string>,
  now = new Date().toISOString(),
): AccessPeople {
  const byId = new Map(invitations.map((i) => [i.member, i]));
  const people: AccessPerson[] = members.map((m) => ({
    memberId: m.memberId,
    name: m.name,
    profession: m.profession,
    role: byId.get(m.memberId)?.role ?? null,
    organisation: '',
  }));
  const listed = new Set(members.map((m) => m.memberId));
  const pending: WorkspaceInvitation[] = [];
  const toCheck: string[] = [];
  for (const i of invitations) {
    if (listed.has(i.member)) continue;
    if (seen.has(i.member)) {
      people.push({ memberId: i.member, name: i.name, profession: null, role: i.role, organisation: i.organisation });
      continue;
    }
    if (!isInvitationLive(i, now)) continue;
    pending.push(i);
    toCheck.push(i.member);
  }
  return { people, pending, toCheck };
}

// Who is acting on this protocol, as the workflow sees them: role, profession, and whether they lead it (the pilot
// of its working group, or its creator while it belongs to no group).
import { useMemo } from 'react';
import type * as Y from 'yjs';
import { protocolOrigin, type Actor } from '@maillage/shared';
import { useWorkspace } from '../../../workspace/WorkspaceContext';
import { useProfile } from '../../../workspace/ProfileContext';
import { useGroups } from '../../groups/GroupsContext';

export function useActor(doc: Y.Doc, groupId: string | null): Actor {
  const { memberId, role } = useWorkspace();
  const profile = useProfile();
  const { groups } = useGroups();
  return useMemo(() => {
    const group = groups.find((g) => g.groupId === groupId);
    const isLead = group ? group.lead === memberId : protocolOrigin(doc).createdBy === memberId;
    return { memberId, name: profile.name, profession: profile.profession, role, isLead };
  }, [groups, groupId, memberId, role, profile, doc]);
}

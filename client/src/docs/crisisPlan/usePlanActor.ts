// Who is acting on the plan, as its workflow sees them: member id, name and role in the workspace.
import { useMemo } from 'react';
import type { PlanActor } from '@maillage/shared';
import { useWorkspace } from '../../workspace/WorkspaceContext';
import { useProfile } from '../../workspace/ProfileContext';

export function usePlanActor(): PlanActor {
  const { memberId, role } = useWorkspace();
  const profile = useProfile();
  return useMemo(() => ({ memberId, name: profile.name, role }), [memberId, role, profile.name]);
}

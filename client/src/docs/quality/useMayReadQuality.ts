// Who the quality dashboard is for: coordinators and the quality référents named in the governance document.
import { useWorkspace } from '../../workspace/WorkspaceContext';
import { useQualityReferents } from '../adverseEvent/useQualityReferents';

export function useMayReadQuality(): boolean {
  const { memberId, role } = useWorkspace();
  const referents = useQualityReferents();
  return role === 'coordinator' || referents.includes(memberId);
}

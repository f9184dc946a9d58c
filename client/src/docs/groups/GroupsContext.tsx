// The workspace's working groups (from its governance document), open for as long as the workspace is on screen:
// the catalogue filters by group, a protocol asks who leads it, the groups screen edits them.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { listGroups, observeGroups, WELL_KNOWN_DOCS, type Group } from '@maillage/shared';
import { useSyncedDoc, type SyncedDoc } from '../../sync/useSyncedDoc';

export interface Groups {
  governance: SyncedDoc | null;
  groups: Group[];
}

const GroupsContext = createContext<Groups>({ governance: null, groups: [] });

export const useGroups = (): Groups => useContext(GroupsContext);

export function GroupsProvider({ workspaceId, children }: { workspaceId: string; children: ReactNode }) {
  const governance = useSyncedDoc(workspaceId, WELL_KNOWN_DOCS.governance);
  const [groups, setGroups] = useState<Group[]>([]);
  useEffect(() => {
    if (!governance) return;
    const read = () => setGroups(listGroups(governance.doc));
    read();
    return observeGroups(governance.doc, read);
  }, [governance]);
  return <GroupsContext.Provider value={{ governance, groups }}>{children}</GroupsContext.Provider>;
}

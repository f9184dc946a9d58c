// The workspace's annuaire: its synced document and entries; a member who can write appears in it from their first visit.
import { useEffect, useState } from 'react';
import { listDirectory, observeDirectory, readDirectoryEntry, setDirectoryEntry, WELL_KNOWN_DOCS, type DirectoryMember } from '@maillage/shared';
import { useSyncedDoc, type SyncedDoc } from '../../sync/useSyncedDoc';
import { useProfile } from '../../workspace/ProfileContext';
import { useWorkspace } from '../../workspace/WorkspaceScreen';

export interface Directory {
  opened: SyncedDoc | null;
  members: DirectoryMember[];
}

export function useDirectory(workspaceId: string): Directory {
  const opened = useSyncedDoc(workspaceId, WELL_KNOWN_DOCS.directory);
  const { memberId, role } = useWorkspace();
  const profile = useProfile();
  const [members, setMembers] = useState<DirectoryMember[]>([]);

  useEffect(() => {
    if (!opened) return;
    // Observers read only (the relay would drop their entry): they are not listed.
    if (role !== 'observer' && !readDirectoryEntry(opened.doc, memberId)) setDirectoryEntry(opened.doc, memberId, { name: profile.name, profession: profile.profession });
    const read = () => setMembers(listDirectory(opened.doc));
    read();
    return observeDirectory(opened.doc, read);
  }, [opened, memberId, role, profile]);

  return { opened, members };
}

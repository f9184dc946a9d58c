// The invitations written down in the governance document, kept current: pending ones for « Accès », observers' names
// for the annuaire and the journal.
import { useEffect, useState } from 'react';
import { listInvitations, observeInvitations, type WorkspaceInvitation } from '@maillage/shared';
import { useGroups } from '../docs/groups/GroupsContext';

export function useInvitations(): WorkspaceInvitation[] {
  const { governance } = useGroups();
  const [invitations, setInvitations] = useState<WorkspaceInvitation[]>([]);
  useEffect(() => {
    if (!governance) return;
    const read = () => setInvitations(listInvitations(governance.doc));
    read();
    return observeInvitations(governance.doc, read);
  }, [governance]);
  return invitations;
}

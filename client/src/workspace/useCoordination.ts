// The coordination keys and the invitations they signed, as recorded in the governance document, kept current.
import { useEffect, useState } from 'react';
import { observeCoordination, readCoordination, type Coordination } from '@maillage/shared';
import { useGroups } from '../docs/groups/GroupsContext';

export function useCoordination(): Coordination {
  const { governance } = useGroups();
  const [coordination, setCoordination] = useState<Coordination>({ keys: [], invitations: [] });
  useEffect(() => {
    if (!governance) return;
    const read = () => setCoordination(readCoordination(governance.doc));
    read();
    return observeCoordination(governance.doc, read);
  }, [governance]);
  return coordination;
}

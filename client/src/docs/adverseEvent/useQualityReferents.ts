// The quality référents named in the governance document, kept current (the workspace keeps governance open).
import { useEffect, useState } from 'react';
import { observeQualityReferents, readQualityReferents } from '@maillage/shared';
import { useGroups } from '../groups/GroupsContext';

export function useQualityReferents(): string[] {
  const { governance } = useGroups();
  const [referents, setReferents] = useState<string[]>([]);
  useEffect(() => {
    if (!governance) return;
    const read = () => setReferents(readQualityReferents(governance.doc));
    read();
    return observeQualityReferents(governance.doc, read);
  }, [governance]);
  return referents;
}

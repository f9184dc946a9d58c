// The REX notes from the governance document, kept current.
import { useEffect, useState } from 'react';
import { observeRexNotes, readRexNotes, type RexNote } from '@maillage/shared';
import { useGroups } from '../groups/GroupsContext';

export function useRexNotes(): RexNote[] {
  const { governance } = useGroups();
  const [notes, setNotes] = useState<RexNote[]>([]);
  useEffect(() => {
    if (!governance) return;
    const read = () => setNotes(readRexNotes(governance.doc));
    read();
    return observeRexNotes(governance.doc, read);
  }, [governance]);
  return notes;
}

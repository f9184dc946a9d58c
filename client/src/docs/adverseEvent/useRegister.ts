// The anonymised register from the governance document, kept current.
import { useEffect, useState } from 'react';
import { observeRegister, readRegister, type RegisterRow } from '@maillage/shared';
import { useGroups } from '../groups/GroupsContext';

export function useRegister(): RegisterRow[] {
  const { governance } = useGroups();
  const [rows, setRows] = useState<RegisterRow[]>([]);
  useEffect(() => {
    if (!governance) return;
    const read = () => setRows(readRegister(governance.doc));
    read();
    return observeRegister(governance.doc, read);
  }, [governance]);
  return rows;
}

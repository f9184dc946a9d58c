// The anonymised register from the governance document, kept current. Read once per change of the document, whatever
// the number of screens and hooks reading it, and there at a screen's first render (no empty frame before the rows).
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { observeRegister, readRegister, type RegisterRow } from '@maillage/shared';
import { useGroups } from '../groups/GroupsContext';

const rowsRead = new WeakMap<Y.Doc, RegisterRow[]>();
const watched = new WeakSet<Y.Doc>();

/** The register's rows, read again only after the register changed (this observer runs before any hook's). */
export function rowsOf(governance: Y.Doc): RegisterRow[] {
  if (!watched.has(governance)) {
    watched.add(governance);
    observeRegister(governance, () => rowsRead.delete(governance));
  }
  let rows = rowsRead.get(governance);
  if (!rows) {
    rows = readRegister(governance);
    rowsRead.set(governance, rows);
  }
  return rows;
}

export function useRegister(): RegisterRow[] {
  const { governance } = useGroups();
  const [rows, setRows] = useState<RegisterRow[]>(() => (governance ? rowsOf(governance.doc) : []));
  useEffect(() => {
    if (!governance) return;
    const read = () => setRows(rowsOf(governance.doc));
    read();
    return observeRegister(governance.doc, read);
  }, [governance]);
  return rows;
}

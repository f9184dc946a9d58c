// The anonymised register from the governance document, kept current. Read once per change of the document, whatever
// the number of screens and hooks reading it, and there at a screen's first render (no empty frame before the rows).
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { observeRegister, readRegister, type RegisterRow } from '@maillage/shared';
import { useGroups } from '../groups/GroupsContext';
import { whenIdle } from './yieldToInput';

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

/** The longest the register waits for the browser to be idle before it is read ahead of the events screen. */
const READ_AHEAD_WAIT_MS = 3000;

/**
 * Reads the register once the browser is idle (once per change of it): the events screen, opened from any screen or
 * after « Envoyer », then shows its rows without reading a thousand of them between the tap and its first frame.
 */
export function useRegisterReadAhead(): void {
  const { governance } = useGroups();
  useEffect(() => {
    if (!governance) return;
    let left = false;
    void whenIdle(READ_AHEAD_WAIT_MS).then(() => {
      if (!left) rowsOf(governance.doc);
    });
    return () => {
      left = true;
    };
  }, [governance]);
}

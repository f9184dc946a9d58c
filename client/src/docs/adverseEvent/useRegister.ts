// The anonymised register from the governance document, kept current. Read once per change of the document, whatever
// the number of screens and hooks reading it, and there at a screen's first render (no empty frame before the rows).
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import {
  observeRegister,
  parseRegisterRow,
  readRegister,
  registerEntries,
  sortRegister,
  type RegisterRow,
} from '@maillage/shared';
import { useGroups } from '../groups/GroupsContext';
import { whenIdle, yieldToInput } from './yieldToInput';

const rowsRead = new WeakMap<Y.Doc, RegisterRow[]>();
const watched = new WeakSet<Y.Doc>();

function watch(governance: Y.Doc): void {
  if (watched.has(governance)) return;
  watched.add(governance);
  observeRegister(governance, () => rowsRead.delete(governance));
}

/** The register's rows, read again only after the register changed (this observer runs before any hook's). */
export function rowsOf(governance: Y.Doc): RegisterRow[] {
  watch(governance);
  let rows = rowsRead.get(governance);
  if (!rows) {
    rows = readRegister(governance);
    rowsRead.set(governance, rows);
  }
  return rows;
}

/** Rows checked between two yields to input when the register is read ahead. */
const SLICE = 200;

/** Reads the rows a slice at a time, yielding to input between slices; dropped if the register changes meanwhile. */
export async function readAhead(governance: Y.Doc, left: () => boolean): Promise<void> {
  watch(governance);
  if (rowsRead.has(governance)) return;
  let changed = false;
  const off = observeRegister(governance, () => (changed = true));
  try {
    const entries = registerEntries(governance);
    const rows: RegisterRow[] = [];
    for (let i = 0; i < entries.length; i++) {
      if (i > 0 && i % SLICE === 0) {
        await yieldToInput();
        if (changed || left() || rowsRead.has(governance)) return;
      }
      const [docId, value] = entries[i]!;
      const row = parseRegisterRow(docId, value);
      if (row) rows.push(row);
    }
    if (!changed && !rowsRead.has(governance)) rowsRead.set(governance, sortRegister(rows));
  } finally {
    off();
  }
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
      if (!left) void readAhead(governance.doc, () => left);
    });
    return () => {
      left = true;
    };
  }, [governance]);
}

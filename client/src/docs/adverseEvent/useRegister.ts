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
import { whenSettled, yieldToInput } from './yieldToInput';

const rowsRead = new WeakMap<Y.Doc, RegisterRow[]>();
const watched = new WeakSet<Y.Doc>();

/** A read ahead under way: the entries as they were when it started, and the rows checked so far. */
interface Ahead {
  entries: [string, unknown][];
  rows: RegisterRow[];
  next: number;
}
const ahead = new WeakMap<Y.Doc, Ahead>();

function watch(governance: Y.Doc): void {
  if (watched.has(governance)) return;
  watched.add(governance);
  // A change drops what was read, and a read ahead under way: its entries are no longer the register's.
  observeRegister(governance, () => {
    rowsRead.delete(governance);
    ahead.delete(governance);
  });
}

/** Checks the entries a read ahead has not reached yet, `upTo` of them at most. */
function advance(state: Ahead, upTo: number): void {
  const end = Math.min(state.entries.length, state.next + upTo);
  for (; state.next < end; state.next++) {
    const [docId, value] = state.entries[state.next]!;
    const row = parseRegisterRow(docId, value);
    if (row) state.rows.push(row);
  }
}

/**
 * The register's rows, read again only after the register changed (this observer runs before any hook's). A read
 * ahead under way is finished here rather than started over: a tap that lands during it pays only for the rest.
 */
export function rowsOf(governance: Y.Doc): RegisterRow[] {
  watch(governance);
  let rows = rowsRead.get(governance);
  if (!rows) {
    const state = ahead.get(governance);
    ahead.delete(governance);
    if (state) advance(state, Infinity);
    rows = state ? sortRegister(state.rows) : readRegister(governance);
    rowsRead.set(governance, rows);
  }
  return rows;
}

/** Rows checked between two yields to input when the register is read ahead. */
const SLICE = 200;

/** Reads the rows a slice at a time, yielding to input between slices; dropped if the register changes meanwhile. */
export async function readAhead(governance: Y.Doc, left: () => boolean): Promise<void> {
  watch(governance);
  if (rowsRead.has(governance) || ahead.has(governance)) return;
  const state: Ahead = { entries: registerEntries(governance), rows: [], next: 0 };
  ahead.set(governance, state);
  advance(state, SLICE);
  while (state.next < state.entries.length) {
    await yieldToInput();
    // Changed (dropped), or finished by a screen that needed it: nothing left to do here.
    if (ahead.get(governance) !== state) return;
    if (left()) return void ahead.delete(governance);
    advance(state, SLICE);
  }
  ahead.delete(governance);
  rowsRead.set(governance, sortRegister(state.rows));
}

export function useRegister(): RegisterRow[] {
  const { governance } = useGroups();
  const [rows, setRows] = useState<RegisterRow[]>(() => (governance ? rowsOf(governance.doc) : []));
  const [readFrom, setReadFrom] = useState(governance);
  useEffect(() => {
    if (!governance) return;
    const read = () => setRows(rowsOf(governance.doc));
    read();
    setReadFrom(governance);
    return observeRegister(governance.doc, read);
  }, [governance]);
  // The render where the register opens already has its rows, not « no event » until the effect above has run.
  return governance && readFrom !== governance ? rowsOf(governance.doc) : rows;
}

/** How long a screen shows before the register is read ahead, and the longest it then waits for an idle period. */
const SETTLE_MS = 1000;
const READ_AHEAD_WAIT_MS = 3000;

/**
 * Reads the register once a screen has settled and the browser is idle (once per change of it): the events screen, opened from any screen or
 * after « Envoyer », then shows its rows without reading a thousand of them between the tap and its first frame.
 */
export function useRegisterReadAhead(): void {
  const { governance } = useGroups();
  useEffect(() => {
    if (!governance) return;
    let left = false;
    void whenSettled(SETTLE_MS, READ_AHEAD_WAIT_MS).then(() => {
      if (!left) void readAhead(governance.doc, () => left);
    });
    return () => {
      left = true;
    };
  }, [governance]);
}

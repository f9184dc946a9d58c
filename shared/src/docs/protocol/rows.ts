// Collaborative tables of a protocol (steps, references, indicators): rows keyed by id in a Y.Map, each text cell a
// Y.Text (two people typing in one cell both win), each choice cell a plain value, ordered by a fractional key
// so moving a row rewrites one key instead of copying a row someone may be typing in.
import * as Y from 'yjs';
import { generateKeyBetween } from 'fractional-indexing';
import { newDocId } from '../../sync/ids';
import { keyAt, sortByPos, type Ordered } from '../order';

export interface RowKind<T extends string = string, C extends string = string> {
  /** The Y.Map holding the rows. */
  name: string;
  texts: readonly T[];
  /** Each choice field and its allowed values; the first is the default. */
  choices: Readonly<Record<C, readonly [string, ...string[]]>>;
  maxRows: number;
  maxLength: number;
}

export interface Row<T extends string = string, C extends string = string> {
  id: string;
  texts: Record<T, string>;
  choices: Record<C, string>;
}

export type RowError = 'errors.tooManyRows' | 'errors.choice' | 'errors.tooLong' | 'errors.row';

const rowsOf = (doc: Y.Doc, kind: RowKind) => doc.getMap<Y.Map<unknown>>(kind.name);

function ordered(doc: Y.Doc, kind: RowKind): Ordered[] {
  const list: Ordered[] = [];
  rowsOf(doc, kind).forEach((row, id) => {
    const pos = row.get('pos');
    if (typeof pos === 'string') list.push({ id, pos });
  });
  return sortByPos(list);
}

/** Adds a row at `index` (default: the end); returns its id, or an error and writes nothing. */
export function addRow<T extends string, C extends string>(
  doc: Y.Doc,
  kind: RowKind<T, C>,
  initial: Partial<Record<T | C, string>> = {},
  index?: number,
): { ok: true; id: string } | { ok: false; error: RowError } {
  const list = ordered(doc, kind);
  if (list.length >= kind.maxRows) return { ok: false, error: 'errors.tooManyRows' };
  for (const [field, value] of Object.entries(initial) as [string, string][]) {
    const allowed = (kind.choices as Record<string, readonly string[]>)[field];
    if (allowed && !allowed.includes(value)) return { ok: false, error: 'errors.choice' };
    if (value.length > kind.maxLength) return { ok: false, error: 'errors.tooLong' };
  }
  const id = newDocId();
  doc.transact(() => {
    const row = new Y.Map<unknown>();
    row.set('pos', keyAt(list, Math.max(0, Math.min(index ?? list.length, list.length))));
    for (const field of kind.texts) row.set(field, new Y.Text((initial as Record<string, string>)[field] ?? ''));
    for (const [field, allowed] of Object.entries(kind.choices) as [string, readonly string[]][]) {
      row.set(field, (initial as Record<string, string>)[field] ?? allowed[0]);
    }
    rowsOf(doc, kind).set(id, row);
  });
  return { ok: true, id };
}

export function removeRow(doc: Y.Doc, kind: RowKind, id: string): void {
  rowsOf(doc, kind).delete(id);
}

/** Moves a row to `index` in the current order (one key rewritten; concurrent edits of its cells are kept). */
export function moveRow(doc: Y.Doc, kind: RowKind, id: string, index: number): void {
  const row = rowsOf(doc, kind).get(id);
  if (!row) return;
  const others = ordered(doc, kind).filter((r) => r.id !== id);
  row.set('pos', keyAt(others, Math.max(0, Math.min(index, others.length))));
}

/** The live Y.Text of one cell, for an input bound to it. */
export function rowText<T extends string>(doc: Y.Doc, kind: RowKind<T>, id: string, field: T): Y.Text | null {
  const cell = rowsOf(doc, kind).get(id)?.get(field);
  return cell instanceof Y.Text ? cell : null;
}

export function setRowChoice<C extends string>(
  doc: Y.Doc,
  kind: RowKind<string, C>,
  id: string,
  field: C,
  value: string,
): RowError | null {
  const row = rowsOf(doc, kind).get(id);
  if (!row) return 'errors.row';
  if (!(kind.choices[field] as readonly string[]).includes(value)) return 'errors.choice';
  if (row.get(field) !== value) row.set(field, value);
  return null;
}

export function readRows<T extends string, C extends string>(doc: Y.Doc, kind: RowKind<T, C>): Row<T, C>[] {
  const rows = rowsOf(doc, kind);
  return ordered(doc, kind).map(({ id }) => {
    const row = rows.get(id)!;
    const texts = {} as Record<T, string>;
    for (const field of kind.texts) {
      const cell = row.get(field);
      texts[field] = cell instanceof Y.Text ? cell.toString() : '';
    }
    const choices = {} as Record<C, string>;
    for (const [field, allowed] of Object.entries(kind.choices) as [C, readonly string[]][]) {
      const value = row.get(field);
      choices[field] = typeof value === 'string' && allowed.includes(value) ? value : allowed[0]!;
    }
    return { id, texts, choices };
  });
}

/** Calls back when rows are added, removed, moved or a choice changes; typing inside a text cell is not reported. */
export function observeRows(doc: Y.Doc, kind: RowKind, onChange: () => void): () => void {
  const handler = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    if (!events.every((e) => e.target instanceof Y.Text)) onChange();
  };
  rowsOf(doc, kind).observeDeep(handler);
  return () => rowsOf(doc, kind).unobserveDeep(handler);
}

/** Copies every row of `kind` from one document into another (restoring a version, duplicating a protocol). */
export function replaceRows(from: Y.Doc, to: Y.Doc, kind: RowKind): void {
  const source = readRows(from, kind);
  const target = rowsOf(to, kind);
  to.transact(() => {
    for (const id of [...target.keys()]) target.delete(id);
    let previous: string | null = null;
    for (const row of source) {
      const copy = new Y.Map<unknown>();
      previous = generateKeyBetween(previous, null);
      copy.set('pos', previous);
      for (const field of kind.texts) copy.set(field, new Y.Text(row.texts[field]));
      for (const field of Object.keys(kind.choices)) copy.set(field, row.choices[field]);
      target.set(row.id, copy);
    }
  });
}

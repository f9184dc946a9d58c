// A plain input bound to a Y.Text: the user's change becomes one delete and one insert (not a rewrite of the whole
// cell, which would erase what a colleague typed at the same moment), and the caret follows remote edits.
import type * as Y from 'yjs';

export interface TextChange {
  index: number;
  remove: number;
  insert: string;
}

/** The smallest single splice turning `before` into `after` (common prefix and suffix kept). */
export function textChange(before: string, after: string): TextChange | null {
  if (before === after) return null;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before[start] === after[start]) start++;
  let end = 0;
  while (end < max - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return { index: start, remove: before.length - start - end, insert: after.slice(start, after.length - end) };
}

export function applyTextChange(text: Y.Text, after: string, before = text.toString()): void {
  const change = textChange(before, after);
  if (!change) return;
  text.doc!.transact(() => {
    if (change.remove > 0) text.delete(change.index, change.remove);
    if (change.insert) text.insert(change.index, change.insert);
  });
}

/** What the binding needs of a textarea (a real one in the app, a plain object in tests). */
export interface TextField {
  value: string;
  selectionStart: number;
  selectionEnd: number;
  setSelectionRange(start: number, end: number): void;
}

/**
 * Binds a field to a Y.Text. A colleague's edit is written into the field at once, in the same task, caret mapped:
 * if it waited for a render, a keystroke typed meanwhile would be diffed against text no longer on screen and
 * erase what the colleague wrote. Returns the input handler and the stop.
 */
export function bindTextField(
  field: TextField,
  text: Y.Text,
  isFocused: () => boolean,
  onShown: () => void = () => undefined,
): { onInput: () => void; stop: () => void } {
  let shown = text.toString();
  field.value = shown;
  const observer = (event: Y.YTextEvent) => {
    const next = text.toString();
    if (next === shown) return;
    const focused = isFocused();
    const delta = event.delta as Delta;
    const [start, end] = [mapIndex(field.selectionStart, delta), mapIndex(field.selectionEnd, delta)];
    field.value = next;
    shown = next;
    if (focused) field.setSelectionRange(start, end);
    onShown();
  };
  text.observe(observer);
  return {
    onInput: () => {
      const after = field.value;
      applyTextChange(text, after, shown);
      shown = after;
      onShown();
    },
    stop: () => text.unobserve(observer),
  };
}

type Delta = { insert?: unknown; delete?: number; retain?: number }[];

/**
 * Where an index of the text before a remote change lands after it: text inserted before it pushes it on, text
 * inserted right at it stays after it (the local typist keeps their place), a deletion around it collapses it.
 */
export function mapIndex(index: number, delta: Delta): number {
  let oldPos = 0;
  let newPos = 0;
  for (const op of delta) {
    if (op.retain) {
      if (oldPos + op.retain > index) return newPos + (index - oldPos);
      oldPos += op.retain;
      newPos += op.retain;
    } else if (op.delete) {
      if (oldPos + op.delete > index) return newPos;
      oldPos += op.delete;
    } else if (typeof op.insert === 'string' && oldPos < index) {
      newPos += op.insert.length;
    }
  }
  return newPos + (index - oldPos);
}

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { applyTextChange, bindTextField, mapIndex, textChange } from './textBinding';

describe('text binding', () => {
  it('turns an edit into the smallest splice', () => {
    expect(textChange('Bilan à J+2', 'Bilan infirmier à J+2')).toEqual({ index: 6, remove: 0, insert: 'infirmier ' });
    expect(textChange('J+2', 'J+3')).toEqual({ index: 2, remove: 1, insert: '3' });
    expect(textChange('aaa', 'aa')).toEqual({ index: 2, remove: 1, insert: '' });
    expect(textChange('même', 'même')).toBeNull();
  });

  it('rebuilds any edit exactly (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (before, after) => {
        const c = textChange(before, after);
        const rebuilt = c ? before.slice(0, c.index) + c.insert + before.slice(c.index + c.remove) : before;
        expect(rebuilt).toBe(after);
      }),
    );
  });

  it('keeps what a colleague typed in the same cell at the same moment', () => {
    const a = new Y.Doc();
    const cell = a.getText('cell');
    cell.insert(0, 'Bilan à J+2');
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    applyTextChange(cell, 'Bilan infirmier à J+2');
    applyTextChange(b.getText('cell'), 'Bilan à J+2 (domicile)');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(cell.toString()).toBe('Bilan infirmier à J+2 (domicile)');
    expect(b.getText('cell').toString()).toBe(cell.toString());
  });

  it('moves the caret with remote edits before it, not after it', () => {
    expect(mapIndex(5, [{ insert: 'Dr ' }])).toBe(8);
    expect(mapIndex(5, [{ retain: 6 }, { insert: 'xx' }])).toBe(5);
    expect(mapIndex(5, [{ retain: 5 }, { insert: 'xx' }])).toBe(5);
    expect(mapIndex(5, [{ delete: 2 }])).toBe(3);
    expect(mapIndex(5, [{ retain: 3 }, { delete: 4 }])).toBe(3);
  });
});

describe('text field binding', () => {
  const field = (initial = '') => {
    const f = {
      value: initial,
      selectionStart: 0,
      selectionEnd: 0,
      setSelectionRange(s: number, e: number) {
        f.selectionStart = s;
        f.selectionEnd = e;
      },
    };
    return f;
  };

  it('shows a colleague’s edit at once, so the next keystroke keeps it', () => {
    const doc = new Y.Doc();
    const cell = doc.getText('cell');
    cell.insert(0, 'abc');
    const el = field();
    const { onInput } = bindTextField(el, cell, () => true);
    el.setSelectionRange(3, 3);
    const colleague = new Y.Doc();
    Y.applyUpdate(colleague, Y.encodeStateAsUpdate(doc));
    colleague.getText('cell').insert(0, 'Dr ');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(colleague, Y.encodeStateVector(doc)));
    // No render in between: the field already reads what the colleague wrote, caret pushed along.
    expect(el.value).toBe('Dr abc');
    expect([el.selectionStart, el.selectionEnd]).toEqual([6, 6]);
    el.value = 'Dr abcd';
    onInput();
    expect(cell.toString()).toBe('Dr abcd');
  });

  it('stops following the text once stopped', () => {
    const doc = new Y.Doc();
    const el = field();
    const { stop } = bindTextField(el, doc.getText('cell'), () => false);
    stop();
    doc.getText('cell').insert(0, 'plus suivi');
    expect(el.value).toBe('');
  });
});

// A text cell several people type into at once: bound to a Y.Text, growing with its content, caret kept in place
// when a colleague's edit lands before it.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { applyTextChange, mapIndex } from '../sync/textBinding';

/** Browsers that size a textarea to its content themselves (CSS field-sizing): no layout read per cell and render. */
const SIZES_ITSELF = typeof CSS !== 'undefined' && CSS.supports('field-sizing', 'content');

interface CollabTextProps {
  text: Y.Text;
  label: string;
  readOnly?: boolean;
  maxLength?: number;
  className?: string;
}

export function CollabText({ text, label, readOnly = false, maxLength, className }: CollabTextProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const [value, setValue] = useState(() => text.toString());
  const pendingSelection = useRef<[number, number] | null>(null);

  useEffect(() => {
    setValue(text.toString());
    const onChange = (event: Y.YTextEvent) => {
      const el = ref.current;
      if (event.transaction.local) return;
      if (el && document.activeElement === el) {
        const delta = event.delta as { insert?: unknown; delete?: number; retain?: number }[];
        pendingSelection.current = [mapIndex(el.selectionStart, delta), mapIndex(el.selectionEnd, delta)];
      }
      setValue(text.toString());
    };
    text.observe(onChange);
    return () => text.unobserve(onChange);
  }, [text]);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    // Grow with the content: a step's "comment" may run to several lines.
    if (!SIZES_ITSELF) {
      el.style.height = 'auto';
      el.style.height = `${el.scrollHeight}px`;
    }
    if (pendingSelection.current) {
      el.setSelectionRange(...pendingSelection.current);
      pendingSelection.current = null;
    }
  }, [value]);

  return (
    <textarea
      ref={ref}
      className={`collab-text ${className ?? ''}`}
      aria-label={label}
      rows={1}
      value={value}
      readOnly={readOnly}
      maxLength={maxLength}
      onChange={(e) => {
        setValue(e.target.value);
        applyTextChange(text, e.target.value);
      }}
    />
  );
}

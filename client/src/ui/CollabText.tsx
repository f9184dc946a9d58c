// A text cell several people type into at once: bound to a Y.Text (sync/textBinding.ts), written by the binding
// itself rather than by React renders, growing with its content.
import { useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { bindTextField } from '../sync/textBinding';

/** Browsers that size a textarea to its content themselves (CSS field-sizing): no layout read per cell and render. */
const SIZES_ITSELF = typeof CSS !== 'undefined' && CSS.supports('field-sizing', 'content');

interface CollabTextProps {
  text: Y.Text;
  label: string;
  readOnly?: boolean;
  maxLength?: number;
}

export function CollabText({ text, label, readOnly = false, maxLength }: CollabTextProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const input = useRef<() => void>(() => undefined);

  useEffect(() => {
    const el = ref.current!;
    // A step's "comment" may run to several lines.
    const grow = () => {
      if (SIZES_ITSELF) return;
      el.style.height = 'auto';
      el.style.height = `${el.scrollHeight}px`;
    };
    const binding = bindTextField(el, text, () => document.activeElement === el, grow);
    input.current = binding.onInput;
    grow();
    return binding.stop;
  }, [text]);

  return (
    <textarea
      ref={ref}
      className="collab-text"
      aria-label={label}
      rows={1}
      readOnly={readOnly}
      maxLength={maxLength}
      onInput={() => input.current()}
    />
  );
}

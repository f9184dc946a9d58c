// Work that cannot be cut up and must not wait long (applying a large update to an open document): while the member
// types, it runs just after a keystroke has been painted, in the gap before the next one, rather than wherever it
// happens to land, where the next keystroke would wait for it (docs/decisions/0029).
import { inputWithin } from '../store/inputRests';

/** An input this recent means the member is typing, and another keystroke is likely soon. */
export const TYPING_MS = 400;
/** The longest the work waits for that keystroke. */
export const MAX_HOLD_MS = 300;
/** The end of a keystroke or a tap: what follows it on screen is painted in the frame after. */
const INPUT_ENDS = ['keyup', 'pointerup'] as const;

export const isTyping = (): boolean => inputWithin(TYPING_MS);

/** Resolves at once when the member is not typing; else after the next keystroke's frame, or `MAX_HOLD_MS`. */
export function betweenKeystrokes(): Promise<void> {
  // No window (a worker, or Node): no keystroke to wait for.
  if (!isTyping() || typeof window === 'undefined') return Promise.resolve();
  // The listeners come off the window they went on, whatever `window` names by then.
  const page = window;
  return new Promise((resolve) => {
    const stopListening = () => {
      for (const type of INPUT_ENDS) page.removeEventListener(type, afterItsFrame, true);
    };
    const go = () => {
      clearTimeout(timer);
      stopListening();
      resolve();
    };
    // A frame's callbacks run before its paint; a task queued from one runs after it.
    const afterItsFrame = () => {
      stopListening();
      requestAnimationFrame(() => setTimeout(go, 0));
    };
    const timer = setTimeout(go, MAX_HOLD_MS);
    for (const type of INPUT_ENDS) page.addEventListener(type, afterItsFrame, true);
  });
}

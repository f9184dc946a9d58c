// A short message with an optional action (e.g. "Annuler"), announced to screen readers, gone after a while: not while
// the keyboard is on its action, and when it goes with the focus, the focus goes to the screen's heading.
import { useCallback, useEffect, useRef, useState } from 'react';
import { keepFocusOnScreen } from './focusFallback';

export const TOAST_MS = 8000;

export interface ToastState {
  message: string;
  actionLabel?: string;
  action?: () => void;
  /** Move the focus to the action (when the control that led here is gone, as after a removal). */
  focus?: boolean;
}

/** The toast of one screen: show() replaces the current one. */
export function useToast(): { toast: ToastState | null; show: (toast: ToastState) => void; close: () => void } {
  const [toast, setToast] = useState<ToastState | null>(null);
  return { toast, show: setToast, close: useCallback(() => setToast(null), []) };
}

export function Toast({ toast, onClose }: { toast: ToastState | null; onClose: () => void }) {
  const [held, setHeld] = useState(false);
  // Whether the focus was in the toast when it went (a removed element fires no blur).
  const hadFocus = useRef(false);
  useEffect(() => {
    if (!toast || held) return;
    const timer = setTimeout(onClose, TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast, held, onClose]);
  // Gone, or replaced by one without its button, while it held the focus: release it, and give the focus a place.
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!hadFocus.current || box.current?.contains(document.activeElement)) return;
    hadFocus.current = false;
    setHeld(false);
    keepFocusOnScreen();
  }, [toast]);
  if (!toast) return null;
  return (
    <div
      ref={box}
      className="toast"
      role="status"
      aria-live="polite"
      onFocus={() => {
        hadFocus.current = true;
        setHeld(true);
      }}
      onBlur={(e) => {
        // Within the toast, or the window left for another (it comes back to the same button): still held.
        if (e.currentTarget.contains(e.relatedTarget) || !document.hasFocus()) return;
        hadFocus.current = false;
        setHeld(false);
      }}
    >
      <span>{toast.message}</span>
      {toast.action ? (
        <button
          type="button"
          autoFocus={toast.focus}
          onClick={() => {
            toast.action?.();
            onClose();
          }}
        >
          {toast.actionLabel}
        </button>
      ) : null}
    </div>
  );
}

// A short message with an optional action (e.g. "Annuler"), announced to screen readers, gone after a while.
import { useCallback, useEffect, useState } from 'react';

export interface ToastState {
  message: string;
  actionLabel?: string;
  action?: () => void;
  /** Move the focus to the action (when the control that led here is gone, as after a removal). */
  focus?: boolean;
}

/** The toast of one screen: show() replaces the current one; it closes itself after 8 s. */
export function useToast(): { toast: ToastState | null; show: (toast: ToastState) => void; close: () => void } {
  const [toast, setToast] = useState<ToastState | null>(null);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), 8000);
    return () => clearTimeout(timer);
  }, [toast]);
  return { toast, show: setToast, close: useCallback(() => setToast(null), []) };
}

export function Toast({ toast, onClose }: { toast: ToastState | null; onClose: () => void }) {
  if (!toast) return null;
  return (
    <div className="toast" role="status" aria-live="polite">
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

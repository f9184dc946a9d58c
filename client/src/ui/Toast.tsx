// A short message with an optional action (e.g. "Annuler"), announced to screen readers.
export interface ToastState {
  message: string;
  actionLabel?: string;
  action?: () => void;
}

export function Toast({ toast, onClose }: { toast: ToastState | null; onClose: () => void }) {
  if (!toast) return null;
  return (
    <div className="toast" role="status" aria-live="polite">
      <span>{toast.message}</span>
      {toast.action ? (
        <button type="button" onClick={() => { toast.action?.(); onClose(); }}>{toast.actionLabel}</button>
      ) : null}
    </div>
  );
}

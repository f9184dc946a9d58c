// A destructive action's second step, in place: what will happen, then « Oui » or « Annuler ». Focus moves to it.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function ConfirmInline({
  children,
  onConfirm,
  onCancel,
  busy,
  confirmLabel,
}: {
  children: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
  busy: boolean;
  /** The yes button, saying what it does (« Oui, retirer » by default). */
  confirmLabel?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <div ref={box} role="group" aria-labelledby={id} tabIndex={-1} className="card stack confirm">
      <div id={id}>{children}</div>
      <div className="row">
        <button type="button" className="primary" onClick={onConfirm} disabled={busy}>
          {confirmLabel ?? t('access.confirmYes')}
        </button>
        <button type="button" className="ghost" onClick={onCancel} disabled={busy}>
          {t('access.cancel')}
        </button>
      </div>
    </div>
  );
}

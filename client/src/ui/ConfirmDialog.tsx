// A confirmation that names what will happen before it does (React Aria's modal alert dialog): focus goes to
// « Annuler », Échap cancels, and the page behind is out of reach until one of the two is chosen. Confirmed, the focus
// goes back to what opened it or, when the action took that away, to the screen's heading.
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, Heading } from 'react-aria-components/Dialog';
import { Modal, ModalOverlay } from 'react-aria-components/Modal';
import { keepFocusOnScreen } from './focusFallback';
import './confirmDialog.css';

interface Props {
  title: string;
  /** What will happen, in words: the consequence, not « Êtes-vous sûr ? ». */
  children: ReactNode;
  confirmLabel: string;
  /** The way back, when « Annuler » would read as the action itself (cancelling a meeting). */
  cancelLabel?: string;
  /** A destructive action's button is red. */
  danger?: boolean;
  /** While the action runs: both buttons wait, and the dialog stays. */
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export default function ConfirmDialog({
  title,
  children,
  confirmLabel,
  cancelLabel,
  danger,
  busy,
  onConfirm,
  onCancel,
}: Props) {
  const { t } = useTranslation();
  // Closed, whether at once or once a slow action ended: if what opened it is gone, the focus goes to the heading.
  useEffect(() => () => keepFocusOnScreen(), []);
  return (
    <ModalOverlay
      isOpen
      isDismissable={!busy}
      onOpenChange={(open) => {
        if (!open && !busy) onCancel();
      }}
      className="modal-overlay"
    >
      <Modal className="modal">
        <Dialog role="alertdialog" className="dialog stack">
          <Heading slot="title">{title}</Heading>
          <div className="stack">{children}</div>
          <div className="row dialog-actions">
            <button type="button" className="ghost" autoFocus onClick={onCancel} disabled={busy}>
              {cancelLabel ?? t('dialog.cancel')}
            </button>
            <button type="button" className={danger ? 'danger' : 'primary'} onClick={onConfirm} disabled={busy}>
              {confirmLabel}
            </button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

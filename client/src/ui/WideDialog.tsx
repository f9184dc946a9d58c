// Wide content over the page (a comparison of versions): the whole width of the screen, a title, « Fermer »; Échap
// and the close button give the focus back to what opened it.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { X } from 'lucide-react';
import { Dialog, Heading } from 'react-aria-components/Dialog';
import { Modal, ModalOverlay } from 'react-aria-components/Modal';
import './confirmDialog.css';

export default function WideDialog({
  title,
  children,
  onClose,
}: {
  title: string;
  children: ReactNode;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ModalOverlay
      isOpen
      isDismissable
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      className="modal-overlay wide"
    >
      <Modal className="modal wide">
        <Dialog className="dialog stack">
          <div className="row">
            <Heading slot="title">{title}</Heading>
            <div className="spacer" />
            <button type="button" className="ghost small icon-button" onClick={onClose}>
              <X aria-hidden="true" size={16} />
              {t('dialog.close')}
            </button>
          </div>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

// Said when the report form opens with what was typed earlier on this device, with the way to a blank form: asked
// first, since that text is on no other device.
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';

const ConfirmDialog = lazy(() => import('../../ui/ConfirmDialog'));

export function DraftRestoredNotice({ onDiscard }: { onDiscard: () => void }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  return (
    <div className="row wrap">
      <p role="status">{t('adverse.draftRestored')}</p>
      <button type="button" className="ghost small" onClick={() => setAsking(true)}>
        {t('adverse.draftDiscard')}
      </button>
      {asking ? (
        <Suspense fallback={null}>
          <ConfirmDialog
            title={t('adverse.draftDiscardTitle')}
            confirmLabel={t('adverse.draftDiscardConfirm')}
            danger
            onConfirm={() => {
              setAsking(false);
              onDiscard();
            }}
            onCancel={() => setAsking(false)}
          >
            <p>{t('adverse.draftDiscardBody')}</p>
          </ConfirmDialog>
        </Suspense>
      ) : null}
    </div>
  );
}

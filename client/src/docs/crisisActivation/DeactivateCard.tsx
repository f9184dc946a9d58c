// Ending the crisis, for who may activate it: one button, then a confirmation before anything is written.
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';

const ConfirmDialog = lazy(() => import('../../ui/ConfirmDialog'));

/** `canEnd` shows the button; a confirmation already open stays until answered, as the crisis may end meanwhile. */
export function DeactivateCard({ canEnd, onEnd }: { canEnd: boolean; onEnd: () => void }) {
  const { t } = useTranslation();
  const [ending, setEnding] = useState(false);
  return (
    <>
      {canEnd ? (
        <section className="stack card" aria-labelledby="crisis-end-heading">
          <h2 id="crisis-end-heading">{t('crisis.deactivate.heading')}</h2>
          <div className="row">
            <button type="button" className="danger" onClick={() => setEnding(true)}>
              {t('crisis.deactivate.button')}
            </button>
          </div>
        </section>
      ) : null}
      {ending ? (
        <Suspense fallback={null}>
          <ConfirmDialog
            title={t('crisis.deactivate.confirmTitle')}
            confirmLabel={t('crisis.deactivate.button')}
            danger
            onConfirm={() => {
              setEnding(false);
              onEnd();
            }}
            onCancel={() => setEnding(false)}
          >
            <p>{t('crisis.deactivate.confirm')}</p>
          </ConfirmDialog>
        </Suspense>
      ) : null}
    </>
  );
}

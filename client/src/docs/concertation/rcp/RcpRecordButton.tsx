// « Reporter la décision dans le dossier »: what it does, then a confirmation that the fiche will be frozen, since
// nothing undoes it; a refusal not tied to one action shows under the button.
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';

const ConfirmDialog = lazy(() => import('../../../ui/ConfirmDialog'));

export function RcpRecordButton({ error, onRecord }: { error: string | undefined; onRecord: () => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="stack tight no-print">
      <p className="muted" id="rcp-record-hint">
        {t('rcp.recordHint')}
      </p>
      <div>
        <button
          type="button"
          className="primary"
          aria-describedby="rcp-record-hint"
          onClick={() => setConfirming(true)}
        >
          {t('rcp.record')}
        </button>
      </div>
      {error ? (
        <p className="error" role="alert">
          {t(error)}
        </p>
      ) : null}
      {confirming ? (
        <Suspense fallback={null}>
          <ConfirmDialog
            title={t('rcp.recordConfirmTitle')}
            confirmLabel={t('rcp.recordConfirmButton')}
            onConfirm={() => {
              setConfirming(false);
              onRecord();
            }}
            onCancel={() => setConfirming(false)}
          >
            <p>{t('rcp.recordConfirmWhat')}</p>
          </ConfirmDialog>
        </Suspense>
      ) : null}
    </div>
  );
}

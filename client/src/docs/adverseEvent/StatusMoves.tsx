// A référent moves a report one step on; closing it is asked first, since nothing reopens a closed report. A refused
// move says why.
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { allowedReportMoves, moveReportStatus, type ReportStatus } from '@maillage/shared';
import { reportsChanged } from './reportEvents';

const ConfirmDialog = lazy(() => import('../../ui/ConfirmDialog'));

interface Props {
  docId: string;
  doc: Y.Doc;
  status: ReportStatus;
  me: string;
  referents: ReadonlySet<string>;
}

export function StatusMoves({ docId, doc, status, me, referents }: Props) {
  const { t } = useTranslation();
  const [closing, setClosing] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const move = (to: ReportStatus) => {
    setClosing(false);
    const result = moveReportStatus(doc, to, me, referents);
    setRefusal(result.ok ? null : result.errors[0]!.message);
    if (result.ok) reportsChanged(docId);
  };
  const label = (to: ReportStatus) => t('adverse.detail.moveTo', { status: t(`adverse.statuses.${to}`) });

  return (
    <>
      {allowedReportMoves(status, me, referents).map((to) => (
        <div className="row" key={to}>
          <button type="button" onClick={() => (to === 'clos' ? setClosing(true) : move(to))}>
            {label(to)}
          </button>
        </div>
      ))}
      {refusal ? (
        <p className="error" role="alert">
          {t(refusal)}
        </p>
      ) : null}
      {closing ? (
        <Suspense fallback={null}>
          <ConfirmDialog
            title={t('adverse.detail.closeTitle')}
            confirmLabel={t('adverse.detail.closeConfirm')}
            onConfirm={() => move('clos')}
            onCancel={() => setClosing(false)}
          >
            <p>{t('adverse.detail.closeBody')}</p>
          </ConfirmDialog>
        </Suspense>
      ) : null}
    </>
  );
}

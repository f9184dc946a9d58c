// Where the plan stands (brouillon → transmis ARS + CPAM → validé → actif → archivé), the moves this person may make,
// and the log of past moves. Archiving, a step back and leaving the archive say what they mean and ask first; a
// refused move says why in French and changes nothing.
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import {
  allowedPlanMoves,
  listPlanMoves,
  movePlanStatus,
  type CrisisPlanStatus,
  type PlanActor,
} from '@maillage/shared';
import { formatDate } from '../../i18n';
import { addScreenStrings } from '../../i18n/screenStrings';
import { frCrisisPlanStatus } from '../../i18n/fr/crisisPlanStatus';

addScreenStrings(frCrisisPlanStatus);
const ConfirmDialog = lazy(() => import('../../ui/ConfirmDialog'));

export function PlanStatusBar({ doc, status, actor }: { doc: Y.Doc; status: CrisisPlanStatus; actor: PlanActor }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [asking, setAsking] = useState<CrisisPlanStatus | null>(null);
  const moves = allowedPlanMoves(doc, actor);
  const log = listPlanMoves(doc);
  const label = (to: CrisisPlanStatus) =>
    status === 'archive' ? t('crisisPlanAsk.unarchive') : t(`crisisPlan.moves.${to}`);
  // Every move that asks first goes to the archive or back to the draft; from the archive, it leaves it.
  const question = status === 'archive' ? 'unarchive' : asking === 'archive' ? 'archive' : 'back';
  const move = (to: CrisisPlanStatus) => {
    setAsking(null);
    const result = movePlanStatus(doc, to, actor, t('crisisPlan.sentVersion'));
    if (!result.ok) {
      setDone(null);
      return setError(result.errors[0]?.message ?? 'errors.invalid');
    }
    setError(null);
    setDone(t('crisisPlan.moved', { status: t(`crisisPlanStatuses.${to}`) }));
  };
  return (
    <section className="card stack plan-status no-print" aria-labelledby="plan-status-title">
      <div className="row wrap">
        <h2 id="plan-status-title" className="inline">
          {t('crisisPlan.statusLabel')}
        </h2>
        <span className={`badge status-${status}`}>{t(`crisisPlanStatuses.${status}`)}</span>
        <div className="spacer" />
        {moves.map((m) => (
          <button
            key={m.to}
            type="button"
            className={m.back || m.to === 'archive' ? 'ghost small' : 'primary small'}
            onClick={() => (m.back || m.to === 'archive' ? setAsking(m.to) : move(m.to))}
          >
            {label(m.to)}
          </button>
        ))}
      </div>
      {moves.length === 0 && actor.role !== 'observer' ? (
        <p className="muted small">{t('crisisPlan.whoMoves')}</p>
      ) : null}
      {error ? (
        <p className="error" role="alert">
          {t(error)}
        </p>
      ) : null}
      <p role="status" className="muted small">
        {done}
      </p>
      {log.length > 0 ? (
        <details>
          <summary>{t('crisisPlan.movesLog')}</summary>
          <ol className="small">
            {log.map((m) => (
              <li key={m.at + m.to}>
                {t('crisisPlan.moveLine', {
                  from: t(`crisisPlanStatuses.${m.from}`, { defaultValue: m.from }),
                  to: t(`crisisPlanStatuses.${m.to}`, { defaultValue: m.to }),
                  by: m.byName,
                  date: formatDate(m.at),
                })}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      {asking ? (
        <Suspense fallback={null}>
          <ConfirmDialog
            title={t(`crisisPlanAsk.${question}Title`)}
            confirmLabel={question === 'unarchive' ? t('crisisPlanAsk.unarchiveConfirm') : label(asking)}
            onConfirm={() => move(asking)}
            onCancel={() => setAsking(null)}
          >
            <p>{t(`crisisPlanAsk.${question}What`, { status: t(`crisisPlanStatuses.${status}`) })}</p>
          </ConfirmDialog>
        </Suspense>
      ) : null}
    </section>
  );
}

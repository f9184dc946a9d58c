// A meeting's status, the moves this person may make from it, and the way into « en séance ». Cancelling asks first
// and says it can be undone; a cancelled meeting offers to plan it again.
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isMeetingEditable, type ConcertationStatus, type Meeting } from '@maillage/shared';
import { formatDate } from '../../i18n';

// The confirmation's code (the dialog library) loads when a confirmation is first asked for.
const ConfirmDialog = lazy(() => import('../../ui/ConfirmDialog'));

export function MeetingStatusCard({
  meeting,
  moves,
  onMove,
  onEnterSession,
}: {
  meeting: Meeting;
  moves: readonly ConcertationStatus[];
  onMove: (to: ConcertationStatus) => void;
  /** null: nothing on the agenda to hold a session on. */
  onEnterSession: (() => void) | null;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const cancelled = meeting.status === 'annulee';
  const enterSession = onEnterSession !== null && !cancelled && isMeetingEditable(meeting);
  return (
    <section className="card stack" aria-labelledby="status-heading">
      <h2 id="status-heading">{t('concertation.status.heading')}</h2>
      <p data-testid="concertation-status">
        {t('concertation.status.current', { status: t(`concertationStatuses.${meeting.status}`) })}
      </p>
      {cancelled ? <p role="note">{t('concertation.status.cancelled')}</p> : null}
      {!cancelled && !isMeetingEditable(meeting) ? <p role="note">{t('concertation.status.locked')}</p> : null}
      {/* One row of what may be done now; « en séance » only while the minutes may still change. */}
      {enterSession || moves.length > 0 ? (
        <div className="row no-print">
          {enterSession ? (
            <button type="button" onClick={onEnterSession!}>
              {t('rcp.seance.enter')}
            </button>
          ) : null}
          {moves.map((to) => (
            <button
              key={to}
              type="button"
              className={to === 'annulee' ? 'ghost' : 'primary'}
              onClick={() => (to === 'annulee' ? setConfirming(true) : onMove(to))}
            >
              {t(`concertation.status.moves.${to}`)}
            </button>
          ))}
        </div>
      ) : null}
      {confirming ? (
        <Suspense fallback={null}>
          <ConfirmDialog
            title={t('concertation.status.confirmCancelTitle', {
              date: formatDate(`${meeting.date}T12:00:00Z`, false),
            })}
            confirmLabel={t('concertation.status.moves.annulee')}
            cancelLabel={t('concertation.status.keep')}
            danger
            onConfirm={() => {
              setConfirming(false);
              onMove('annulee');
            }}
            onCancel={() => setConfirming(false)}
          >
            <p>{t('concertation.status.confirmCancelWhat')}</p>
          </ConfirmDialog>
        </Suspense>
      ) : null}
    </section>
  );
}

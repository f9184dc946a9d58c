// A meeting's status, the moves this person may make from it, and the way into « en séance ».
import { useTranslation } from 'react-i18next';
import { isMeetingEditable, type ConcertationStatus, type Meeting } from '@maillage/shared';

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
  return (
    <section className="card stack" aria-labelledby="status-heading">
      <h2 id="status-heading">{t('concertation.status.heading')}</h2>
      <p data-testid="concertation-status">
        {t('concertation.status.current', { status: t(`concertationStatuses.${meeting.status}`) })}
      </p>
      {!isMeetingEditable(meeting) ? <p role="note">{t('concertation.status.locked')}</p> : null}
      {onEnterSession ? (
        <div className="no-print">
          <button type="button" onClick={onEnterSession}>
            {t('rcp.seance.enter')}
          </button>
        </div>
      ) : null}
      {moves.length > 0 ? (
        <div className="row no-print">
          {moves.map((to) => (
            <button key={to} type="button" className="primary" onClick={() => onMove(to)}>
              {t(`concertation.status.moves.${to}`)}
            </button>
          ))}
        </div>
      ) : null}
    </section>
  );
}

// The crisis cell's board: who answered « disponible », « indisponible », and who has not answered, live. Someone the
// alert list does not name reads « Membre inconnu », never as an id.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ackBoard, type Ack } from '@maillage/shared';
import { dayAtTime } from '../../workspace/dayAtTime';

/** Everyone the alert reaches: the annuaire's members and the observers (named in their invitation). */
export interface Alerted {
  memberId: string;
  name: string;
}

export function CellBoard({ acks, members }: { acks: Ack[]; members: Alerted[] }) {
  const { t, i18n } = useTranslation();
  const board = useMemo(
    () =>
      ackBoard(
        acks,
        members.map((m) => m.memberId),
      ),
    [acks, members],
  );
  const byId = new Map(members.map((m) => [m.memberId, m]));
  const ackAt = new Map(acks.map((a) => [a.memberId, a.at]));
  const group = (key: 'available' | 'unavailable' | 'unanswered', ids: string[]) => (
    <section className="stack tight" aria-labelledby={`crisis-board-${key}`}>
      <h3 id={`crisis-board-${key}`}>
        {t(`crisis.board.${key}`)} ({ids.length})
      </h3>
      {ids.length === 0 ? (
        <p className="muted">{t('crisis.board.nobody')}</p>
      ) : (
        <ul data-testid={`crisis-board-${key}`}>
          {ids.map((id) => {
            const at = ackAt.get(id);
            const time = at ? dayAtTime(at, i18n.language) : null;
            return (
              <li key={id}>
                {byId.get(id)?.name || t('crisis.board.unknown')}
                {time ? (
                  <span className="muted"> · {t('crisis.board.at', { time: `${time.hour}:${time.minute}` })}</span>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
  return (
    <section className="stack card crisis-board" aria-labelledby="crisis-board-heading">
      <h2 id="crisis-board-heading">{t('crisis.board.heading')}</h2>
      <p className="crisis-board-counts" role="status" data-testid="crisis-board-counts">
        {t('crisis.board.counts', {
          available: board.available.length,
          unavailable: board.unavailable.length,
          unanswered: board.unanswered.length,
        })}
      </p>
      {group('available', board.available)}
      {group('unavailable', board.unavailable)}
      {group('unanswered', board.unanswered)}
    </section>
  );
}

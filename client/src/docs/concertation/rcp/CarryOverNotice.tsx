// What closing a meeting of a series did with the cases still to see: where they went, with a link, or that it failed.
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { frenchDay } from './dayLabel';
import type { CarriedOver } from './useCarryOver';

export function CarryOverNotice({
  workspaceId,
  carried,
  failed,
}: {
  workspaceId: string;
  carried: CarriedOver | null;
  failed: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      {carried ? (
        <p role="status" data-testid="carried-over">
          {t('rcp.next.carried', {
            count: carried.count,
            date: frenchDay(carried.date),
          })}{' '}
          <Link to="/w/$workspaceId/concertations/$docId" params={{ workspaceId, docId: carried.docId }}>
            {t('rcp.next.open')}
          </Link>
        </p>
      ) : null}
      {failed ? (
        <p className="error" role="alert">
          {t('rcp.next.carryFailed')}
        </p>
      ) : null}
    </>
  );
}

// « Concertations à venir » on the home: the next meetings of the catalogue, soonest first; shown only when there is one.
import { useMemo } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { parisToday, type CatalogueItem } from '@maillage/shared';
import { meetingLists } from '../../docs/concertation/concertationList';
import { MeetingListItem } from '../../docs/concertation/MeetingListItem';

/** The home points to the next few; the meetings screen has them all. */
const NEXT = 3;

export function UpcomingMeetings({ workspaceId, items }: { workspaceId: string; items: readonly CatalogueItem[] }) {
  const { t } = useTranslation();
  // A cancelled meeting stays on the meetings screen, marked; the home lists only those that will take place.
  const next = useMemo(
    () =>
      meetingLists(items, parisToday(), null, 'date')
        .upcoming.filter((i) => i.status !== 'annulee')
        .slice(0, NEXT),
    [items],
  );
  if (next.length === 0) return null;
  return (
    <section className="stack" aria-labelledby="home-meetings">
      <div className="row">
        <h2 id="home-meetings">{t('workspaceHome.upcomingMeetings')}</h2>
        <div className="spacer" />
        <Link to="/w/$workspaceId/concertations" params={{ workspaceId }} className="small">
          {t('workspaceHome.allMeetings')}
        </Link>
      </div>
      <ul className="list" aria-labelledby="home-meetings">
        {next.map((item) => (
          <MeetingListItem key={item.docId} workspaceId={workspaceId} item={item} withStatus={false} />
        ))}
      </ul>
    </section>
  );
}

// One meeting in a list (the meetings screen's, the home's): its title as a link, « Courte », its status, its day and
// time, and a search's snippet.
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CatalogueItem } from '@maillage/shared';
import { formatDate } from '../../i18n';
import { catalogueStatusKey } from '../catalogue/catalogueItem';
import type { SearchHit } from '../catalogue/fullText';
import { SearchSnippet } from '../catalogue/SearchSnippet';

export function MeetingListItem({
  workspaceId,
  item,
  withStatus = true,
  hit,
}: {
  workspaceId: string;
  item: CatalogueItem;
  withStatus?: boolean;
  /** What a search found in it: its snippet shows under the row. */
  hit?: SearchHit;
}) {
  const { t } = useTranslation();
  const day = formatDate(`${item.meetingDate}T12:00:00Z`, false);
  // The title given at planning names the day already; a meeting moved since keeps its old title, so its day shows.
  const when = item.title.includes(day) ? item.meetingStart : `${day} ${item.meetingStart ?? ''}`;
  return (
    <li>
      <Link
        to="/w/$workspaceId/concertations/$docId"
        params={{ workspaceId, docId: item.docId }}
        className="list-title"
      >
        {item.title}
      </Link>
      {withStatus && item.meetingFormat === 'courte' ? (
        <span className="badge">{t('concertation.shortBadge')}</span>
      ) : null}
      {withStatus ? <span className={`badge status-${item.status}`}>{t(catalogueStatusKey(item))}</span> : null}
      {when ? <span className="muted">{when}</span> : null}
      <SearchSnippet hit={hit} />
    </li>
  );
}

// The catalogue's rows: title, status, theme, review due, when it changed, a snippet when searching, and actions.
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CatalogueItem } from '@maillage/shared';
import { formatDate } from '../../i18n';
import type { SearchHit } from './fullText';
import { reviewState } from './catalogueFilters';
import { catalogueItemLink, catalogueStatusKey } from './catalogueItem';
import { SearchSnippet } from './SearchSnippet';

interface Props {
  workspaceId: string;
  items: readonly CatalogueItem[];
  hits: Map<string, SearchHit> | null;
  today: string;
  canWrite: boolean;
  /** Whether this person may move this document to the bin (a validated protocol: its lead and coordinators). */
  mayDelete: (item: CatalogueItem) => boolean;
  onDuplicate: (item: CatalogueItem) => void;
  onDelete: (item: CatalogueItem) => void;
}

export function CatalogueList({ workspaceId, items, hits, today, canWrite, mayDelete, onDuplicate, onDelete }: Props) {
  const { t } = useTranslation();
  return (
    <ul className="list" aria-label={t('catalogue.title')}>
      {items.map((item) => {
        const review = reviewState(item, today);
        return (
          <li key={item.docId}>
            <Link {...catalogueItemLink(workspaceId, item)} className="list-title">
              {item.title || t('catalogue.untitled')}
            </Link>
            <span className="badge">{t(catalogueStatusKey(item))}</span>
            {item.theme ? <span className="muted">{item.theme}</span> : null}
            {review ? <span className={`badge ${review}`}>{t(`forYou.${review}`)}</span> : null}
            <span className="muted">{t('catalogue.updated', { date: formatDate(item.updatedAt) })}</span>
            {canWrite && item.kind === 'protocol' ? (
              <button
                type="button"
                className="ghost small"
                onClick={() => onDuplicate(item)}
                aria-label={`${t('catalogue.duplicate')} : ${item.title}`}
              >
                {t('catalogue.duplicate')}
              </button>
            ) : null}
            {mayDelete(item) ? (
              <button
                type="button"
                className="ghost small"
                onClick={() => onDelete(item)}
                aria-label={`${t('catalogue.delete')} : ${item.title}`}
              >
                {t('catalogue.delete')}
              </button>
            ) : null}
            <SearchSnippet hit={hits?.get(item.docId)} />
          </li>
        );
      })}
    </ul>
  );
}

// « Pour vous » on the workspace's home: where colleagues @mentioned me, and the diffused protocols due for review.
import { useMemo } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { markMentionRead, mentionsFor, observeMentions, type CatalogueItem, parisToday } from '@maillage/shared';
import { useDocValue } from '../../sync/useDocValue';
import { formatDate } from '../../i18n';
import { reviewState } from './catalogueFilters';

interface Props {
  workspaceId: string;
  catalogue: Y.Doc;
  memberId: string;
  items: readonly CatalogueItem[];
}

export function ForYou({ workspaceId, catalogue, memberId, items }: Props) {
  const { t } = useTranslation();
  const mentions = useDocValue(
    catalogue,
    (doc) => mentionsFor(doc, memberId).filter((m) => !m.readAt),
    observeMentions,
  );
  const today = parisToday();
  const titles = useMemo(() => new Map(items.map((i) => [i.docId, i.title])), [items]);
  const due = items
    .filter((i) => reviewState(i, today) !== null)
    .sort((a, b) => (a.reviewDate ?? '').localeCompare(b.reviewDate ?? ''));
  if (mentions.length === 0 && due.length === 0) return null;
  return (
    <section className="card stack for-you" aria-labelledby="for-you-title">
      <h2 id="for-you-title">{t('forYou.title')}</h2>
      <ul className="plain-list" aria-label={t('forYou.title')}>
        {mentions.map((m) => (
          <li key={m.id}>
            {t('forYou.mentioned', { name: m.fromName, date: formatDate(m.at) })}{' '}
            <Link
              to="/w/$workspaceId/protocols/$docId"
              params={{ workspaceId, docId: m.docId }}
              search={{ thread: m.threadId }}
              onClick={() => markMentionRead(catalogue, m.id)}
            >
              {titles.get(m.docId) || t('catalogue.untitled')}
            </Link>
          </li>
        ))}
        {due.map((i) => (
          <li key={i.docId}>
            <span className={`badge ${reviewState(i, today)}`}>{t(`forYou.${reviewState(i, today)}`)}</span>{' '}
            <Link to="/w/$workspaceId/protocols/$docId" params={{ workspaceId, docId: i.docId }} search={{}}>
              {i.title || t('catalogue.untitled')}
            </Link>{' '}
            <span className="muted">{t('forYou.reviewOn', { date: formatDate(i.reviewDate!, false) })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

// Which text is the reference: while a revision is drafted, the diffused version stays readable, frozen, one click
// away; a diffused protocol says when it is due for review.
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { findVersion, type ProtocolStatus, parisToday } from '@maillage/shared';
import { formatDate } from '../../../i18n';
import { useProtocolHeader } from '../useProtocolHeader';

interface Props {
  doc: Y.Doc;
  workspaceId: string;
  docId: string;
  status: ProtocolStatus;
  publishedVersion: string | null;
}

export function PublishedNotice({ doc, workspaceId, docId, status, publishedVersion }: Props) {
  const { t } = useTranslation();
  const { reviewDate } = useProtocolHeader(doc);
  const version = publishedVersion ? findVersion(doc, publishedVersion) : null;
  if (status === 'diffuse') {
    const due = reviewDate !== null && reviewDate <= parisToday();
    return reviewDate ? (
      <p className={due ? 'notice warn' : 'notice'} role="note">
        {t(due ? 'workflow.reviewDue' : 'workflow.reviewOn', { date: formatDate(reviewDate, false) })}
      </p>
    ) : null;
  }
  if (!version || status === 'archive') return null;
  return (
    <p className="notice no-print" role="note">
      {t('workflow.publishedRemains', { label: version.label, date: formatDate(version.at, false) })}{' '}
      <Link
        to="/w/$workspaceId/protocols/$docId/lecture"
        params={{ workspaceId, docId }}
        search={{ version: version.id }}
      >
        {t('workflow.readPublished')}
      </Link>
    </p>
  );
}

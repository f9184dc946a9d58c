// A list of reports on this device, in the order its reader chose: each one's day, place, status and severity, with
// whether it has left this device (the reporter's list) or an EIGS's volet 2 deadline (a référent's).
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { parisToday } from '@maillage/shared';
import { formatDate } from '../../i18n';
import { useShowMore } from './ShowMore';
import type { ReportOnDevice } from './useReportsOnDevice';

interface ListProps {
  workspaceId: string;
  id: string;
  label: string;
  items: ReportOnDevice[];
  empty: string;
  showSending: boolean;
}

/** The first ones as sorted, the rest on request. */
export function ReportList({ workspaceId, id, label, items, empty, showSending }: ListProps) {
  const { t } = useTranslation();
  const today = parisToday();
  const { shown, more } = useShowMore(items.length, label);
  return items.length === 0 ? (
    <p className="empty">{empty}</p>
  ) : (
    <>
      <ul className="list" aria-labelledby={id}>
        {items.slice(0, shown).map((r) => (
          <li key={r.docId}>
            <Link
              to="/w/$workspaceId/evenements/$docId"
              params={{ workspaceId, docId: r.docId }}
              className="list-title"
            >
              {formatDate(r.report.occurredAt)} · {t(`adverse.places.${r.report.place}`)}
            </Link>
            <span className="badge">{t(`adverse.statuses.${r.report.status}`)}</span>
            <span className="muted">{t(`adverse.severityShort.${r.row.severity}`)}</span>
            {!showSending && r.qualification?.volet2Due ? (
              <span className={r.qualification.volet2Due < today ? 'badge overdue' : 'badge'}>
                {t('adverse.qualify.volet2', { date: formatDate(`${r.qualification.volet2Due}T12:00:00Z`, false) })}
              </span>
            ) : null}
            {showSending && r.mine ? (
              <span className={r.mine.sent ? 'muted' : 'badge overdue'}>
                {r.mine.sent ? t('adverse.sent') : t('adverse.pending')}
              </span>
            ) : null}
          </li>
        ))}
      </ul>

      {more}
    </>
  );
}

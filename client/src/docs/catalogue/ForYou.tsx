// « Pour vous » on the workspace's home: where colleagues @mentioned me, the actions of my patient cases, the
// protocols waiting for my sign-off, the diffused protocols due for review, a référent's EIGS deadlines and my actions
// of the quality plan, the meetings I am invited to in the next 24 hours.
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { markMentionRead, parisToday, type CatalogueItem } from '@maillage/shared';
import type * as Y from 'yjs';
import { formatDate } from '../../i18n';
import { caseReference } from '../patientCase/caseReference';
import { reviewState } from './catalogueFilters';
import type { NeedsMe } from '../../workspace/home/NeedsMeContext';
import { NotifyButton } from '../../workspace/home/NotifyButton';

interface Props {
  workspaceId: string;
  catalogue: Y.Doc | null;
  needs: NeedsMe;
  items: readonly CatalogueItem[];
}

const day = (iso: string) => formatDate(`${iso}T12:00:00Z`, false);

export function ForYou({ workspaceId, catalogue, needs, items }: Props) {
  const { t } = useTranslation();
  const today = parisToday();
  const titleOf = (docId: string) => items.find((i) => i.docId === docId)?.title || t('catalogue.untitled');
  // Crisis tasks come as actions too (their activation's copy is read like a case's).
  const isCrisis = (docId: string) => items.some((i) => i.docId === docId && i.kind === 'crisisActivation');
  return (
    <section className="card stack for-you" aria-labelledby="for-you-title">
      <div className="row">
        <h2 id="for-you-title">{t('forYou.title')}</h2>
        <div className="spacer" />
        <NotifyButton />
      </div>
      {needs.count === 0 ? <p className="empty">{t('workspaceHome.nothingForYou')}</p> : null}
      <ul className="plain-list" aria-label={t('forYou.title')}>
        {needs.mentions.map((m) => (
          <li key={m.id}>
            {t('forYou.mentioned', { name: m.fromName, date: formatDate(m.at) })}{' '}
            <Link
              to="/w/$workspaceId/protocols/$docId"
              params={{ workspaceId, docId: m.docId }}
              search={{ thread: m.threadId }}
              onClick={() => catalogue && markMentionRead(catalogue, m.id)}
            >
              {titleOf(m.docId)}
            </Link>
          </li>
        ))}
        {needs.meetings.map((m) => (
          <li key={`meeting-${m.docId}`} data-testid="for-you-meeting">
            <span className="badge soon">{t('forYou.meetingSoon')}</span>{' '}
            <Link to="/w/$workspaceId/concertations/$docId" params={{ workspaceId, docId: m.docId }}>
              {t('forYou.meeting', { date: day(m.date), start: m.start })}
            </Link>{' '}
            <span className="muted">
              {m.cases.length > 0
                ? t('forYou.meetingCases', { count: m.cases.length, cases: m.cases.join(', ') })
                : t('forYou.meetingNoCase')}
            </span>
          </li>
        ))}
        {needs.actions.map(({ docId, action }) => (
          <li key={action.id}>
            {action.due && action.due < today ? (
              <span className="badge overdue">{t('workspaceHome.actionOverdue')}</span>
            ) : null}{' '}
            {t('workspaceHome.actionForYou', { text: action.text })}{' '}
            {isCrisis(docId) ? (
              <Link to="/w/$workspaceId/crise/$docId" params={{ workspaceId, docId }}>
                {titleOf(docId)}
              </Link>
            ) : (
              <Link to="/w/$workspaceId/dossiers/$docId" params={{ workspaceId, docId }}>
                {t('care.catalogueTitle', { reference: caseReference(docId) })}
              </Link>
            )}{' '}
            {action.due ? <span className="muted">{t('workspaceHome.dueOn', { date: day(action.due) })}</span> : null}
          </li>
        ))}
        {needs.eigs.map((d) => (
          <li key={`eigs-${d.docId}`}>
            {d.volet2State ? (
              <span className={`badge ${d.volet2State}`}>
                {t(`forYou.eigsVolet2${d.volet2State === 'soon' ? 'Soon' : 'Overdue'}`)}
              </span>
            ) : null}{' '}
            {d.volet1Pending ? <strong>{t('forYou.eigsVolet1')}</strong> : null}{' '}
            <span>{t('forYou.eigsVolet2', { date: day(d.volet2Due) })}</span>{' '}
            <Link to="/w/$workspaceId/evenements/$docId" params={{ workspaceId, docId: d.docId }}>
              {t('forYou.eigsReport', { date: formatDate(d.occurredAt, false) })}
            </Link>
          </li>
        ))}
        {needs.planActions.map((a) => (
          <li key={`plan-${a.id}`}>
            {a.due < today ? <span className="badge overdue">{t('workspaceHome.actionOverdue')}</span> : null}{' '}
            {t('forYou.planAction', { text: a.action })}{' '}
            <span className="muted">{t('workspaceHome.dueOn', { date: day(a.due) })}</span>{' '}
            <Link to="/w/$workspaceId/evenements" params={{ workspaceId }} hash="plan-qualite">
              {t('forYou.planOpen')}
            </Link>
          </li>
        ))}
        {needs.signoffs.map((i) => (
          <li key={i.docId}>
            <span className="badge soon">{t('workspaceHome.signoffAsked')}</span>{' '}
            <Link to="/w/$workspaceId/protocols/$docId" params={{ workspaceId, docId: i.docId }} search={{}}>
              {i.title || t('catalogue.untitled')}
            </Link>
          </li>
        ))}
        {needs.reviews.map((i) => (
          <li key={i.docId}>
            <span className={`badge ${reviewState(i, today)}`}>{t(`forYou.${reviewState(i, today)}`)}</span>{' '}
            <Link to="/w/$workspaceId/protocols/$docId" params={{ workspaceId, docId: i.docId }} search={{}}>
              {i.title || t('catalogue.untitled')}
            </Link>{' '}
            <span className="muted">{t('forYou.reviewOn', { date: day(i.reviewDate!) })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

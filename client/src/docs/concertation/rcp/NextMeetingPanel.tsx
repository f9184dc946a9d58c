// « Préparer la prochaine »: once the meeting is held, its bureau plans the next one with the same participants and
// the cases still to see (not discussed, with decided actions still open, or due for re-evaluation), then opens it. In a
// series the date proposed is the series' next occurrence, and the next meeting joins the series.
import { useEffect, useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  addAgendaItem,
  nextMeetingPlan,
  nextOccurrence,
  setSeries,
  type AgendaItem,
  type CatalogueItem,
  type DirectoryMember,
  type Meeting,
  type Series,
} from '@maillage/shared';
import { DateField } from '../../../ui/DateField';
import { useWorkspace } from '../../../workspace/WorkspaceContext';
import { docStore } from '../../../store/docStore';
import { newConcertation } from '../newConcertation';
import { meetingTitle, planErrors } from '../PlanConcertationForm';
import { readMeetingCases } from './readMeetingCases';
import { frenchDay } from './dayLabel';

interface Props {
  meetingId: string;
  meeting: Meeting;
  agenda: AgendaItem[];
  cases: readonly CatalogueItem[];
  members: readonly DirectoryMember[];
  series: Series | null;
}

export function NextMeetingPanel({ meetingId, meeting, agenda, cases, members, series }: Props) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const navigate = useNavigate();
  const proposed = series ? nextOccurrence(series.rule, meeting.date) : '';
  const [date, setDate] = useState(proposed);
  // A series set after this panel showed proposes its next day, unless a day was already typed.
  useEffect(() => {
    if (proposed) setDate((typed) => typed || proposed);
  }, [proposed]);
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const undiscussed = agenda.filter((i) => !i.discussed).length;

  const prepare = async () => {
    setWorking(true);
    try {
      const { openActions, reevaluations } = await readMeetingCases(
        workspace.id,
        meetingId,
        agenda,
        cases,
        workspace.memberId,
      );
      const plan = nextMeetingPlan(
        meeting,
        agenda,
        date,
        openActions,
        t('rcp.next.followUp', { date: frenchDay(meeting.date) }),
        {
          series,
          reevaluations,
          reevaluationQuestion: (day) => t('rcp.series.reevaluation', { date: frenchDay(day) }),
        },
      );
      const annuaire = new Set(members.map((m) => m.memberId));
      const created = await newConcertation(workspace, plan.meeting, annuaire, (m) => meetingTitle(t, m));
      if (!created.ok) return setError(Object.values(planErrors(created.errors))[0] ?? 'errors.invalid');
      const doc = await docStore.acquire(workspace.id, created.value.docId);
      try {
        if (plan.series) setSeries(doc, plan.series, plan.series.id);
        for (const item of plan.agenda) addAgendaItem(doc, item, annuaire);
        await docStore.flushed(workspace.id, created.value.docId);
      } finally {
        await docStore.release(workspace.id, created.value.docId);
      }
      await navigate({
        to: '/w/$workspaceId/concertations/$docId',
        params: { workspaceId: workspace.id, docId: created.value.docId },
      });
    } finally {
      setWorking(false);
    }
  };

  return (
    <section className="card stack no-print" aria-labelledby="next-heading">
      <h2 id="next-heading">{t('rcp.next.heading')}</h2>
      <p className="muted">{t('rcp.next.intro')}</p>
      <p>{t('rcp.next.summary', { count: undiscussed })}</p>
      {series ? (
        <p className="muted" data-testid="series-next">
          {t('rcp.series.nextProposed', { date: frenchDay(nextOccurrence(series.rule, meeting.date)) })}
        </p>
      ) : null}
      <DateField
        id="next-date"
        label={t('rcp.next.date')}
        value={date}
        error={error ? t(error) : undefined}
        onChange={(value) => {
          setDate(value);
          setError(null);
        }}
      />
      <div>
        <button type="button" className="primary" disabled={working} onClick={() => void prepare()}>
          {working ? t('rcp.next.working') : t('rcp.next.submit')}
        </button>
      </div>
    </section>
  );
}

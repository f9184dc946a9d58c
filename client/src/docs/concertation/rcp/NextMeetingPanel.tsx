// « Préparer la prochaine »: once the meeting is held, its bureau plans the next one with the same participants and
// the cases still to see (not discussed, or with decided actions still open), then opens it.
import { useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  addAgendaItem,
  nextMeetingPlan,
  type AgendaItem,
  type CatalogueItem,
  type DirectoryMember,
  type Meeting,
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
}

export function NextMeetingPanel({ meetingId, meeting, agenda, cases, members }: Props) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const navigate = useNavigate();
  const [date, setDate] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const undiscussed = agenda.filter((i) => !i.discussed).length;

  const prepare = async () => {
    setWorking(true);
    try {
      const { openActions } = await readMeetingCases(workspace.id, meetingId, agenda, cases, workspace.memberId);
      const plan = nextMeetingPlan(
        meeting,
        agenda,
        date,
        openActions,
        t('rcp.next.followUp', { date: frenchDay(meeting.date) }),
      );
      const annuaire = new Set(members.map((m) => m.memberId));
      const created = await newConcertation(workspace, plan.meeting, annuaire, (m) => meetingTitle(t, m));
      if (!created.ok) return setError(Object.values(planErrors(created.errors))[0] ?? 'errors.invalid');
      const doc = await docStore.acquire(workspace.id, created.value.docId);
      try {
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

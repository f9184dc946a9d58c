// « Préparer la prochaine »: once the meeting is held, its bureau plans the next one with the same participants and
// the cases still to see (not discussed, with decided actions still open, or due for re-evaluation), then opens it. In a
// series the date proposed is the series' next occurrence, and the next meeting joins the series. A cancelled meeting's
// cases are put off the same way (« Reporter les dossiers »): none was discussed, so all of them go.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { nextOccurrence, type AgendaItem, type CatalogueItem, type Meeting, type Series } from '@maillage/shared';
import { DateField } from '../../../ui/DateField';
import { useWorkspace } from '../../../workspace/WorkspaceContext';
import { planErrors } from '../PlanConcertationForm';
import { nextOpenDate, prepareNextMeeting } from './nextMeeting';
import { nextMeetingLabels } from './nextMeetingLabels';
import { frenchDay } from './dayLabel';
import { useDirectory } from '../../directory/DirectoryContext';
import { catalogueItemLink } from '../../catalogue/catalogueItem';

interface Props {
  meetingId: string;
  meeting: Meeting;
  agenda: AgendaItem[];
  /** The catalogue's entries this member sees: the meeting's cases, and meetings of its series already planned. */
  items: readonly CatalogueItem[];
  series: Series | null;
}

export function NextMeetingPanel({ meetingId, meeting, agenda, items, series }: Props) {
  const { t } = useTranslation();
  const { annuaireNow } = useDirectory();
  const workspace = useWorkspace();
  const navigate = useNavigate();
  // The series' next day whose meeting was not cancelled: proposing a cancelled day would plan a meeting there again.
  // Read again only when the series' rule or the workspace's meetings change, not at each write to this meeting.
  const [proposed, setProposed] = useState('');
  const latest = useRef({ items, series });
  latest.current = { items, series };
  const ruleKey = series ? `${series.id}|${JSON.stringify(series.rule)}` : '';
  const meetingsKey = useMemo(
    () =>
      items
        .filter((i) => i.kind === 'concertation' && !i.deletedAt)
        .map((i) => `${i.docId}:${i.status}:${i.meetingDate ?? ''}`)
        .join(),
    [items],
  );
  useEffect(() => {
    const { items: known, series: current } = latest.current;
    if (!current) return setProposed('');
    let stale = false;
    nextOpenDate(workspace.id, known, current, meeting.date).then(
      (day) => !stale && setProposed(day),
      () => !stale && setProposed(nextOccurrence(current.rule, meeting.date)),
    );
    return () => {
      stale = true;
    };
  }, [workspace.id, ruleKey, meetingsKey, meeting.date]);
  // The day typed wins; until one is, the field follows the proposal as it is read again.
  const [typed, setTyped] = useState<string | null>(null);
  const date = typed ?? proposed;
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const undiscussed = agenda.filter((i) => !i.discussed).length;
  const copy = meeting.status === 'annulee' ? 'rcp.putOff' : 'rcp.next';
  // Outside a series, prepared from here already (and neither cancelled nor deleted): opened, not planned again. A series'
  // day finds its meeting again by itself (nextMeeting.ts), and closing its meeting prepares the next one already.
  const prepared = series
    ? undefined
    : items.find(
        (i) => i.kind === 'concertation' && i.preparedFrom === meetingId && !i.deletedAt && i.status !== 'annulee',
      );

  const prepare = async () => {
    setWorking(true);
    try {
      const prepared = await prepareNextMeeting(
        workspace,
        { meetingId, meeting, agenda, series, items },
        date,
        await annuaireNow(),
        nextMeetingLabels(t, meeting),
      );
      if (!prepared.ok) return setError(Object.values(planErrors(prepared.errors))[0] ?? 'errors.invalid');
      await navigate({
        to: '/w/$workspaceId/concertations/$docId',
        params: { workspaceId: workspace.id, docId: prepared.value.docId },
      });
    } finally {
      setWorking(false);
    }
  };

  if (prepared)
    return (
      <section className="card stack no-print" aria-labelledby="next-heading">
        <h2 id="next-heading">{t(`${copy}.heading`)}</h2>
        <p data-testid="next-prepared">{t(`${copy}.prepared`, { date: frenchDay(prepared.meetingDate ?? '') })}</p>
        <div>
          <Link className="button" {...catalogueItemLink(workspace.id, prepared)}>
            {t('rcp.next.openPrepared', { date: frenchDay(prepared.meetingDate ?? '') })}
          </Link>
        </div>
      </section>
    );

  return (
    <section className="card stack no-print" aria-labelledby="next-heading">
      <h2 id="next-heading">{t(`${copy}.heading`)}</h2>
      <p className="muted">{t(`${copy}.intro`)}</p>
      <p>{t('rcp.next.summary', { count: undiscussed })}</p>
      {series && proposed ? (
        <p className="muted" data-testid="series-next">
          {t('rcp.series.nextProposed', { date: frenchDay(proposed) })}
        </p>
      ) : null}
      <DateField
        id="next-date"
        label={t('rcp.next.date')}
        value={date}
        error={error ? t(error) : undefined}
        onChange={(value) => {
          setTyped(value);
          setError(null);
        }}
      />
      <div>
        <button type="button" className="primary" disabled={working} onClick={() => void prepare()}>
          {working ? t('rcp.next.working') : t(`${copy}.submit`)}
        </button>
      </div>
    </section>
  );
}

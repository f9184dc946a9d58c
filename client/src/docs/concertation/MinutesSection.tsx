// The meeting's compte rendu: date, participants by profession, cases discussed by their neutral reference and
// criterion. The print view shows this section alone (print CSS); the CSV and JSON give the same cases, one row each,
// with the decision and actions of the cases this device may read.
import { useTranslation } from 'react-i18next';
import type { AgendaItem, CatalogueItem, DirectoryMember, Meeting, Signature } from '@maillage/shared';
import { formatDate } from '../../i18n';
import { downloadFile } from '../../ui/download';
import { useWorkspace } from '../../workspace/WorkspaceContext';
import { MINUTES_COLUMNS, minutesCsv, minutesJson, type MinutesLabels } from './minutesExport';
import { readMeetingCases } from './rcp/readMeetingCases';

interface Props {
  workspaceId: string;
  meetingId: string;
  /** The coordination files the catalogue lists: whose care team this member is on. */
  cases: readonly CatalogueItem[];
  me: string;
  meeting: Meeting;
  agenda: AgendaItem[];
  sheet: Signature[];
  members: readonly DirectoryMember[];
}

export function MinutesSection({ workspaceId, meetingId, cases, me, meeting, agenda, sheet, members }: Props) {
  const { t } = useTranslation();
  const byProfession = new Map<string, string[]>();
  for (const s of sheet) byProfession.set(s.profession, [...(byProfession.get(s.profession) ?? []), s.name]);
  const discussed = agenda.filter((i) => i.discussed);
  const day = formatDate(`${meeting.date}T12:00:00Z`, false);
  // Printed alone, the minutes say whose they are and where the meeting was held.
  const workspace = useWorkspace();
  const animateur = meeting.animateur
    ? (members.find((m) => m.memberId === meeting.animateur)?.name ?? t('concertation.unknownMember'))
    : null;
  const where = [
    workspace.name,
    [t(`concertation.modalities.${meeting.modality}`), meeting.place].filter(Boolean).join(', '),
    animateur ? t('concertation.minutes.ledBy', { name: animateur }) : '',
  ].filter(Boolean);

  const labels: MinutesLabels = {
    headers: Object.fromEntries(MINUTES_COLUMNS.map((c) => [c, t(`concertation.minutes.columns.${c}`)])) as Record<
      (typeof MINUTES_COLUMNS)[number],
      string
    >,
    type: (type) => t(`concertation.types.${type}`),
    criterion: (c) => t(`concertation.criteria.${c}`),
    profession: (p) => t(`professions.${p}`),
    yesNo: (v) => t(v ? 'concertation.minutes.yes' : 'concertation.minutes.no'),
    unknownMember: t('concertation.unknownMember'),
    decisionReserved: t('rcp.export.decisionReserved'),
    decisionPending: t('rcp.export.decisionPending'),
  };
  // Decisions are read from the cases on this device when asked, never kept in the meeting.
  const exportAs = async (format: 'csv' | 'json') => {
    const { decisions } = await readMeetingCases(workspaceId, meetingId, agenda, cases, me);
    if (format === 'csv')
      downloadFile(
        `compte-rendu-${meeting.date}.csv`,
        'text/csv;charset=utf-8',
        minutesCsv(meeting, agenda, members, labels, decisions),
      );
    else
      downloadFile(
        `compte-rendu-${meeting.date}.json`,
        'application/json',
        minutesJson(meetingId, meeting, agenda, members, labels, decisions),
      );
  };

  return (
    <section className="card stack minutes" aria-labelledby="minutes-heading">
      <h2 id="minutes-heading">{t('concertation.minutes.heading')}</h2>
      <p>
        {t(`concertation.types.${meeting.type}`)} ·{' '}
        {t('concertation.when', { date: day, start: meeting.start, end: meeting.end })} ·{' '}
        {t(`concertationStatuses.${meeting.status}`)}
      </p>
      <p data-testid="minutes-where">{where.join(' · ')}</p>
      <h3>{t('concertation.minutes.participants')}</h3>
      {byProfession.size === 0 ? (
        <p className="muted">{t('concertation.sheet.empty')}</p>
      ) : (
        <ul aria-label={t('concertation.minutes.participants')}>
          {[...byProfession].map(([profession, names]) => (
            <li key={profession}>
              {t(`professions.${profession}`, { defaultValue: profession })} ({names.length}) : {names.join(', ')}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('concertation.minutes.cases')}</h3>
      {discussed.length === 0 ? (
        <p className="muted">{t('concertation.minutes.noCase')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('concertation.minutes.columns.case')}</th>
              <th scope="col">{t('concertation.minutes.columns.criterion')}</th>
              <th scope="col">{t('concertation.minutes.columns.question')}</th>
              <th scope="col">{t('concertation.minutes.decision')}</th>
            </tr>
          </thead>
          <tbody>
            {discussed.map((i) => (
              <tr key={i.id}>
                <td>{i.label}</td>
                <td>{t(`concertation.criteria.${i.criterion}`)}</td>
                <td>{i.question}</td>
                <td>
                  {i.decisionRecordedAt ? t('concertation.minutes.decisionInCase') : t('rcp.export.decisionPending')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {meeting.validatedAt ? (
        <p>{t('concertation.minutes.validated', { date: formatDate(meeting.validatedAt) })}</p>
      ) : null}
      <div className="row no-print">
        <button type="button" onClick={() => window.print()}>
          {t('concertation.minutes.print')}
        </button>
        <button type="button" onClick={() => void exportAs('csv')}>
          {t('concertation.minutes.csv')}
        </button>
        <button type="button" onClick={() => void exportAs('json')}>
          {t('rcp.export.json')}
        </button>
      </div>
    </section>
  );
}

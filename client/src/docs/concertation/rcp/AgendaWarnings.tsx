// The charte's rules against the agenda (number of cases, time per case) and the meeting's length: warnings the bureau
// reads while preparing, never refusals (a meeting may take one case more).
import { useTranslation } from 'react-i18next';
import { agendaWarnings, type AgendaItem, type Meeting, type Series } from '@maillage/shared';

export function AgendaWarnings({
  agenda,
  series,
  meeting,
}: {
  agenda: AgendaItem[];
  series: Series | null;
  meeting: Meeting;
}) {
  const { t } = useTranslation();
  const w = agendaWarnings(agenda, series, meeting);
  const over = agenda.filter((i) => w.overTime.includes(i.id));
  if (!w.tooManyCases && over.length === 0 && !w.overMeeting) return null;
  return (
    <section className="card stack warning no-print" aria-labelledby="charte-heading" data-testid="agenda-warnings">
      <h2 id="charte-heading">{t('rcp.warnings.heading')}</h2>
      <div role="status">
        <ul>
          {w.tooManyCases ? <li>{t('rcp.warnings.tooManyCases', w.tooManyCases)}</li> : null}
          {over.length > 0 ? (
            <li>
              {t('rcp.warnings.overTime', {
                count: over.length,
                minutes: series?.minutesPerCase ?? 0,
                labels: over.map((i) => i.label).join(', '),
              })}
            </li>
          ) : null}
          {w.overMeeting ? <li>{t('rcp.warnings.overMeeting', w.overMeeting)}</li> : null}
        </ul>
      </div>
    </section>
  );
}

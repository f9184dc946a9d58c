// How a series reads in French (« chaque premier mardi du mois ») and its calendar invitation: one place, so the
// series panel, the calendar file and the next meeting say the same.
import type { TFunction } from 'i18next';
import { seriesIcs, seriesRrule, type Meeting, type Series, type SeriesRule } from '@maillage/shared';
import { downloadFile } from '../../../ui/download';

export function ruleLabel(t: TFunction, rule: SeriesRule): string {
  const weekday = t(`rcp.series.weekdays.${rule.weekday}`);
  if (rule.freq === 'weekly') return t('rcp.series.weeklyRule', { count: rule.interval, weekday });
  return t('rcp.series.monthlyRule', { rank: t(`rcp.series.ranks.${rule.rank}`).toLowerCase(), weekday });
}

/**
 * The series as one recurring calendar event from this meeting: type, rule, times and place, never a case; the days
 * whose meeting was cancelled left out.
 */
export function downloadSeriesIcs(t: TFunction, series: Series, meeting: Meeting, cancelledDays: string[]): void {
  const ics = seriesIcs(
    series.id,
    seriesRrule(series.rule),
    meeting,
    {
      summary: `${t('rcp.icsSummary', { type: t(`concertation.types.${meeting.type}`) })} · ${series.name}`,
      description: t('rcp.series.icsDescription', {
        name: series.name,
        rule: ruleLabel(t, series.rule),
        start: meeting.start,
        end: meeting.end,
      }),
      location: [meeting.place, meeting.link].filter(Boolean).join(' · '),
    },
    { cancelledDays },
  );
  downloadFile(`serie-${meeting.date}.ics`, 'text/calendar;charset=utf-8', ics);
}

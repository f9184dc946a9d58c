// Downloads the meeting as a calendar invitation (.ics): its type, day and times in Europe/Paris, where it is held.
// No case and no question go into it: a calendar is shared with other services and people.
import { useTranslation } from 'react-i18next';
import { meetingIcs, type Meeting } from '@maillage/shared';
import { downloadFile } from '../../../ui/download';

export function CalendarButton({ meetingId, meeting }: { meetingId: string; meeting: Meeting }) {
  const { t } = useTranslation();
  const download = () => {
    const type = t(`concertation.types.${meeting.type}`);
    const ics = meetingIcs(meetingId, meeting, {
      summary: t('rcp.icsSummary', { type }),
      description: t('rcp.icsDescription', { start: meeting.start, end: meeting.end }),
      location: [meeting.place, meeting.link].filter(Boolean).join(' · '),
    });
    downloadFile(`concertation-${meeting.date}.ics`, 'text/calendar;charset=utf-8', ics);
  };
  return (
    <button type="button" className="no-print" onClick={download}>
      {t('rcp.ics')}
    </button>
  );
}

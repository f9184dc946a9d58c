// A meeting's when, where and who, with its calendar file: the card at the top of a concertation.
import { useTranslation } from 'react-i18next';
import type { DirectoryMember, Meeting } from '@maillage/shared';
import { formatDate } from '../../i18n';
import { CalendarButton } from './rcp/CalendarButton';

export function MeetingDetails({
  meetingId,
  meeting,
  members,
}: {
  meetingId: string;
  meeting: Meeting;
  members: readonly DirectoryMember[];
}) {
  const { t } = useTranslation();
  return (
    <section className="card stack" aria-labelledby="details-heading">
      <h2 id="details-heading">{t('concertation.details')}</h2>
      <dl className="details">
        <dt>{t('concertation.fields.date')}</dt>
        <dd>
          {t('concertation.when', {
            date: formatDate(`${meeting.date}T12:00:00Z`, false),
            start: meeting.start,
            end: meeting.end,
          })}
        </dd>
        <dt>{t('concertation.fields.modality')}</dt>
        <dd>
          {t(`concertation.modalities.${meeting.modality}`)}
          {meeting.place ? ` · ${meeting.place}` : ''}
          {meeting.link ? (
            <>
              {' · '}
              <a href={meeting.link} rel="noreferrer noopener" target="_blank">
                {meeting.link}
              </a>
            </>
          ) : null}
        </dd>
        {(['coordonnateur', 'animateur', 'secretaire'] as const).map((role) =>
          meeting[role] ? (
            <div key={role} className="contents">
              <dt>{t(`concertation.fields.${role}`)}</dt>
              <dd>{members.find((m) => m.memberId === meeting[role])?.name ?? t('concertation.unknownMember')}</dd>
            </div>
          ) : null,
        )}
      </dl>
      <div className="row">
        <CalendarButton meetingId={meetingId} meeting={meeting} />
      </div>
    </section>
  );
}

// The words the next meeting is planned with, in the screen's language: its title, and the question a case carried
// over for its open actions or its re-evaluation carries.
import type { TFunction } from 'i18next';
import type { Meeting } from '@maillage/shared';
import { meetingTitle } from '../PlanConcertationForm';
import type { NextMeetingLabels } from './nextMeeting';
import { frenchDay } from './dayLabel';

export const nextMeetingLabels = (t: TFunction, meeting: Meeting): NextMeetingLabels => ({
  followUp: t('rcp.next.followUp', { date: frenchDay(meeting.date) }),
  reevaluation: (day) => t('rcp.series.reevaluation', { date: frenchDay(day) }),
  title: (m) => meetingTitle(t, m),
});

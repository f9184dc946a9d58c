// Closing a meeting of a series: once the animateur validates it on this device, the cases still to see (not
// discussed, decided actions still open, re-evaluation due) go by themselves onto the series' next meeting, planned on
// its next day if it is not yet (a day whose meeting was cancelled is passed over). What happened is told on the screen, with a link to that meeting.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem, CatalogueItem, Meeting, Series } from '@maillage/shared';
import { useWorkspace } from '../../../workspace/WorkspaceContext';
import { nextOpenDate, prepareNextMeeting } from './nextMeeting';
import { nextMeetingLabels } from './nextMeetingLabels';

export interface CarriedOver {
  docId: string;
  date: string;
  count: number;
}

export function useCarryOver(meetingId: string, items: readonly CatalogueItem[], annuaire: ReadonlySet<string>) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const [carried, setCarried] = useState<CarriedOver | null>(null);
  const [failed, setFailed] = useState(false);
  const run = useCallback(
    async (meeting: Meeting, agenda: readonly AgendaItem[], series: Series) => {
      try {
        const date = await nextOpenDate(workspace.id, items, series, meeting.date);
        const prepared = await prepareNextMeeting(
          workspace,
          { meetingId, meeting, agenda, series, items },
          date,
          annuaire,
          nextMeetingLabels(t, meeting),
        );
        if (prepared.ok) setCarried({ docId: prepared.value.docId, date, count: prepared.value.carried });
        else setFailed(true);
      } catch {
        setFailed(true);
      }
    },
    [workspace, meetingId, items, annuaire, t],
  );
  return { carried, failed, run };
}

// The meeting's panels outside « En séance »: series, agenda, fiches RCP, attendance and émargement, minutes, and the
// next meeting. Each write goes through the screen's guarded write, which the shared layout may refuse.
import type * as Y from 'yjs';
import {
  addAgendaItem,
  answerAttendance,
  closeSheet,
  DEFAULT_QUORUM,
  markConsentRecorded,
  markDecisionRecorded,
  moveAgendaItem,
  removeAgendaItem,
  restoreAgendaItem,
  setAgendaItemDiscussed,
  setSeries,
  signSheet,
  type CatalogueItem,
  type DirectoryMember,
  type Meeting,
} from '@maillage/shared';
import type { ConcertationSnapshot } from './useConcertation';
import type { MeetingWrite } from './useMeetingWrite';
import { AgendaPanel } from './AgendaPanel';
import { AttendancePanel } from './AttendancePanel';
import { MinutesSection } from './MinutesSection';
import { RcpFichePanel } from './rcp/RcpFichePanel';
import { NextMeetingPanel } from './rcp/NextMeetingPanel';
import { SeriesPanel } from './rcp/SeriesPanel';
import { cancelledSeriesDays } from './rcp/seriesMeetings';
import { AgendaWarnings } from './rcp/AgendaWarnings';

interface Props {
  workspaceId: string;
  meetingId: string;
  doc: Y.Doc;
  meeting: Meeting;
  snapshot: ConcertationSnapshot;
  /** Everything the catalogue lists, for the next meeting; `cases` are its coordination files. */
  items: readonly CatalogueItem[];
  cases: readonly CatalogueItem[];
  members: readonly DirectoryMember[];
  annuaire: ReadonlySet<string>;
  me: string;
  canWrite: boolean;
  editable: boolean;
  bureau: boolean;
  write: MeetingWrite;
}

export function MeetingPanels({
  workspaceId,
  meetingId,
  doc,
  meeting,
  snapshot,
  items,
  cases,
  members,
  annuaire,
  me,
  canWrite,
  editable,
  bureau,
  write,
}: Props) {
  const self = members.find((m) => m.memberId === me);
  return (
    <>
      <SeriesPanel
        key={snapshot.series?.id ?? 'none'}
        meeting={meeting}
        series={snapshot.series}
        members={members}
        canEdit={editable && bureau}
        onSave={(input) => write(() => setSeries(doc, input), true)}
        cancelledDays={() =>
          snapshot.series
            ? cancelledSeriesDays(workspaceId, items, snapshot.series.id, meeting.date)
            : Promise.resolve([])
        }
      />
      <AgendaWarnings agenda={snapshot.agenda} series={snapshot.series} meeting={meeting} />
      <AgendaPanel
        agenda={snapshot.agenda}
        cases={cases}
        members={members}
        participants={meeting.participants}
        me={me}
        editable={editable}
        bureau={bureau}
        onDiscussed={(id, discussed) => write(() => setAgendaItemDiscussed(doc, id, discussed))}
        onAdd={(input) => write(() => addAgendaItem(doc, input, annuaire), true)}
        onMove={(id, index) => write(() => moveAgendaItem(doc, id, index))}
        onRemove={(item, index) =>
          write(() => removeAgendaItem(doc, item.id))
            ? null
            : () => void write(() => restoreAgendaItem(doc, item, index))
        }
      />
      <RcpFichePanel
        workspaceId={workspaceId}
        meetingId={meetingId}
        meeting={meeting}
        agenda={snapshot.agenda}
        cases={cases}
        members={members}
        sheet={snapshot.sheet}
        me={me}
        canWrite={canWrite}
        onDecisionRecorded={(id) => void markDecisionRecorded(doc, id)}
        onConsentRecorded={(id) => void markConsentRecorded(doc, id)}
      />
      <AttendancePanel
        meeting={meeting}
        quorumRule={snapshot.series?.quorum ?? DEFAULT_QUORUM}
        attendance={snapshot.attendance}
        sheet={snapshot.sheet}
        members={members}
        me={me}
        editable={editable}
        onAnswer={(answer) => write(() => answerAttendance(doc, me, answer))}
        onSign={() =>
          self && write(() => signSheet(doc, { memberId: me, name: self.name, profession: self.profession }))
        }
        onCloseSheet={() => write(() => closeSheet(doc, me))}
      />
      {/* A meeting that will not take place has no minutes to print or export. */}
      {meeting.status !== 'annulee' ? (
        <MinutesSection
          workspaceId={workspaceId}
          meetingId={meetingId}
          cases={cases}
          me={me}
          meeting={meeting}
          agenda={snapshot.agenda}
          sheet={snapshot.sheet}
          members={members}
        />
      ) : null}
      {meeting.status !== 'planifiee' &&
      (meeting.status !== 'annulee' || snapshot.agenda.length > 0) &&
      canWrite &&
      bureau ? (
        <NextMeetingPanel
          meetingId={meetingId}
          meeting={meeting}
          agenda={snapshot.agenda}
          items={items}
          series={snapshot.series}
        />
      ) : null}
    </>
  );
}

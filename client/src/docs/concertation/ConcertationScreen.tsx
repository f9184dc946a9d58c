// One concertation: its details, participants, agenda, attendance and émargement, and the status moves this member may
// make. Shown and synced only to its participants, once the relay enforces them as the room's list (decision 0033).
// Every write goes through the shared layout, which refuses it once the minutes are validated. Each case's fiche RCP
// is written in the case itself, for its care team only (decision 0038).
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  addParticipant,
  allowedStatusMoves,
  isMeetingEditable,
  markConsentRecorded,
  markDecisionRecorded,
  meetingAcl,
  moveConcertationStatus,
  readCatalogueEntry,
  readEnforcedAcl,
  removeParticipant,
  setAgendaItemDiscussed,
  setSessionCase,
} from '@maillage/shared';
import { Layout } from '../../ui/Layout';
import { useDocSyncStatus, useRegisteredStatus } from '../../sync/syncRegistry';
import type { SyncStatus } from '../../sync/docSync';
import { useWorkspace } from '../../workspace/WorkspaceContext';
import { useDirectory } from '../directory/DirectoryContext';
import { useCatalogue } from '../catalogue/useCatalogue';
import { formatDate } from '../../i18n';
import { useCaseAccess } from '../patientCase/useCaseAccess';
import type { GateState } from '../patientCase/caseGate';
import { useConcertation } from './useConcertation';
import { useMeetingWrite } from './useMeetingWrite';
import { useCatalogueFollowsMeeting } from './useCatalogueFollowsMeeting';
import { meetingRoom } from './meetingRoom';
import { AccessNotice } from '../patientCase/AccessNotice';
import { GateBanner } from '../patientCase/GateBanner';
import { ParticipantsPanel } from './ParticipantsPanel';
import { MeetingDetails } from './MeetingDetails';
import { MeetingStatusCard } from './MeetingStatusCard';
import { MeetingPanels } from './MeetingPanels';
import { SessionView } from './rcp/SessionView';
import { CarryOverNotice } from './rcp/CarryOverNotice';
import { useCarryOver } from './rcp/useCarryOver';
import { onWriteRefused } from '../../sync/writeRefusals';
import '../patientCase/careStrings';
import './concertationStrings';
import './concertation.css';
import './rcp/rcpStrings';
import './rcp/rcp.css';

const noSubscribe = () => () => undefined;
/** Before the gate admits the meeting there is no provider: its phase says what the sync state is. */
const statusOfGate = (state: GateState | null): SyncStatus => ({
  state: state?.phase === 'waitingNetwork' ? 'offline' : 'connecting',
  reason: null,
});

export default function ConcertationScreen({ workspaceId, docId }: { workspaceId: string; docId: string }) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const me = workspace.memberId;
  const catalogue = useCatalogue(workspaceId);
  const catalogueDoc = catalogue.opened?.doc ?? null;
  // A meeting listed in the catalogue whose room has no list was planned open, before meetings were restricted: new
  // ones are listed only once the relay holds their list (decision 0033).
  const openWhenUnlisted = useCallback(
    () => !!catalogueDoc && readCatalogueEntry(catalogueDoc, docId)?.kind === 'concertation',
    [catalogueDoc, docId],
  );
  const access = useCaseAccess(workspaceId, docId, meetingRoom, openWhenUnlisted);
  const { gate, state, sync, team } = access;
  const lost = state && gate && (state.phase === 'refused' || state.phase === 'removed' || state.phase === 'failed');
  const { snapshot, ready } = useConcertation(state?.showLocal && !lost ? access.doc : null);
  const teamState = useSyncExternalStore(team?.subscribe ?? noSubscribe, () => team?.current ?? null);
  const { members } = useDirectory();
  const status = useDocSyncStatus(sync);
  // Until the gate admits the meeting there is no provider: the shell's one status hears the gate's phase instead.
  useRegisteredStatus(!sync && !lost ? statusOfGate(state) : null);
  // « En séance » is each person's own view; the case on it is the meeting's, shared by everyone.
  const [inSession, setInSession] = useState(false);
  // Edits made offline to a meeting validated meanwhile: the relay refused them (decision 0039), this device is told.
  const [refusedByRelay, setRefusedByRelay] = useState(false);
  const provider = sync?.provider ?? null;
  useEffect(() => {
    if (!provider) return;
    return onWriteRefused(provider, (reason) => {
      if (reason === 'minutes validated') setRefusedByRelay(true);
    });
  }, [provider]);
  const canWrite = workspace.role !== 'observer';
  const meeting = snapshot?.meeting ?? null;

  useCatalogueFollowsMeeting(catalogueDoc, docId, meeting, snapshot?.short === true, canWrite);

  const annuaire = new Set(members.map((m) => m.memberId));
  const carryOver = useCarryOver(docId, catalogue.items, annuaire);
  const { refusal, write } = useMeetingWrite(canWrite);

  const doc = snapshot ? access.doc : null;
  const owner = teamState?.enforced.owner ?? meeting?.createdBy ?? null;
  const editable = !!meeting && isMeetingEditable(meeting) && canWrite;
  const moves = meeting && canWrite ? allowedStatusMoves(meeting, me) : [];
  const cases = catalogue.items.filter((i) => i.kind === 'patientCase' && !i.deletedAt);
  const bureau = !!meeting && [meeting.coordonnateur, meeting.animateur, meeting.secretaire].includes(me);

  return (
    <Layout title={catalogue.name ?? undefined}>
      <div className="page stack concertation">
        <div className="row no-print">
          <Link to="/w/$workspaceId/concertations" params={{ workspaceId }}>
            ← {t('concertation.back')}
          </Link>
        </div>
        {lost ? (
          <AccessNotice kind="concertation" workspaceId={workspaceId} state={state} gate={gate} me={access.me} />
        ) : null}
        {state && !lost ? (
          <GateBanner
            kind="concertation"
            state={state}
            found={ready !== 'waiting'}
            synced={status.state === 'synced'}
          />
        ) : null}
        {ready === 'newer' ? (
          <p className="error" role="alert">
            {t('errors.newerLayout')}
          </p>
        ) : null}
        {meeting && snapshot && doc ? (
          <>
            <h1>
              {t(`concertation.types.${meeting.type}`)} · {formatDate(`${meeting.date}T12:00:00Z`, false)}
            </h1>
            {inSession ? null : <MeetingDetails meetingId={docId} meeting={meeting} members={members} />}
            {refusedByRelay ? (
              <p className="error" role="alert" data-testid="minutes-refused">
                {t('rcp.refusedByRelay')}
              </p>
            ) : null}
            {/* « En séance » keeps to the case under discussion: status and participants wait until it is left. */}
            {inSession ? null : (
              <MeetingStatusCard
                meeting={meeting}
                moves={moves}
                onMove={(to) => {
                  const refused = write(() => moveConcertationStatus(doc, to, me));
                  // Closing a meeting of a series carries the cases still to see onto the next one, by itself.
                  if (!refused && to === 'validee' && snapshot.series)
                    void carryOver.run(meeting, snapshot.agenda, snapshot.series);
                }}
                onEnterSession={snapshot.agenda.length > 0 ? () => setInSession(true) : null}
              />
            )}
            {refusal ? (
              <p className="error" role="alert">
                {t(refusal)}
              </p>
            ) : null}
            <CarryOverNotice workspaceId={workspaceId} carried={carryOver.carried} failed={carryOver.failed} />
            {inSession ? null : (
              <ParticipantsPanel
                meeting={meeting}
                wanted={meetingAcl(doc, owner)}
                owner={owner}
                enforced={teamState?.enforced ?? readEnforcedAcl(doc)}
                sync={teamState}
                editable={editable && (teamState ? teamState.canChange : true)}
                members={members}
                me={me}
                onInvite={(id) => {
                  if (!write(() => addParticipant(doc, id, annuaire))) team?.changedHere();
                }}
                onRemove={(id) => {
                  if (!write(() => removeParticipant(doc, id))) team?.changedHere();
                }}
              />
            )}
            {inSession ? (
              <SessionView
                workspaceId={workspaceId}
                meetingId={docId}
                meeting={meeting}
                agenda={snapshot.agenda}
                current={snapshot.current}
                cases={cases}
                members={members}
                sheet={snapshot.sheet}
                me={me}
                canWrite={canWrite}
                leads={editable && bureau}
                onSetCase={(itemId) => write(() => setSessionCase(doc, itemId, me))}
                onDiscussed={(id, discussed) => write(() => setAgendaItemDiscussed(doc, id, discussed))}
                onDecisionRecorded={(id) => void markDecisionRecorded(doc, id)}
                onConsentRecorded={(id) => void markConsentRecorded(doc, id)}
                onLeave={() => setInSession(false)}
              />
            ) : (
              <MeetingPanels
                workspaceId={workspaceId}
                meetingId={docId}
                doc={doc}
                meeting={meeting}
                snapshot={snapshot}
                items={catalogue.items}
                cases={cases}
                members={members}
                annuaire={annuaire}
                me={me}
                canWrite={canWrite}
                editable={editable}
                bureau={bureau}
                write={write}
              />
            )}
          </>
        ) : null}
      </div>
    </Layout>
  );
}

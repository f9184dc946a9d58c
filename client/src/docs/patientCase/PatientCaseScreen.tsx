// The dossier de coordination: patient header, follow-up, open actions and the care team — shown only to that team,
// synced only once the relay enforces its list.
import { useEffect, useSyncExternalStore } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { readEnforcedAcl, wantedAcl } from '@maillage/shared';
import { Layout } from '../../ui/Layout';
import { Presence } from '../../sync/Presence';
import { useDocSyncStatus, useRegisteredStatus } from '../../sync/syncRegistry';
import type { SyncStatus } from '../../sync/docSync';
import { useCatalogue } from '../catalogue/useCatalogue';
import { useDirectory } from '../directory/DirectoryContext';
import { AccessNotice } from './AccessNotice';
import { ActionsPanel } from './ActionsPanel';
import { CareTeamPanel } from './CareTeamPanel';
import { GateBanner } from './GateBanner';
import { caseReference } from './caseReference';
import { CaseRcpHistory } from '../concertation/rcp/CaseRcpHistory';
import { ShortConcertationPanel } from '../concertation/short/ShortConcertationPanel';
import { AddToMeetingPanel } from '../concertation/rcp/AddToMeetingPanel';
import { mirrorCaseToCatalogue } from './mirrorCase';
import { PatientHeader } from './PatientHeader';
import { Timeline } from './Timeline';
import { useCaseAccess } from './useCaseAccess';
import { useCaseSnapshot } from './useCaseSnapshot';
import type { GateState } from './caseGate';
import './careStrings';
import './patientCase.css';

const noSubscribe = () => () => undefined;
/** Before the gate admits the case there is no provider: its phase says what the sync state is. */
const statusOfGate = (state: GateState | null): SyncStatus => ({
  state: state?.phase === 'waitingNetwork' ? 'offline' : 'connecting',
  reason: null,
});

export default function PatientCaseScreen({ workspaceId, docId }: { workspaceId: string; docId: string }) {
  const { t } = useTranslation();
  const { doc, gate, state, sync, team, me } = useCaseAccess(workspaceId, docId);
  const catalogue = useCatalogue(workspaceId);
  const { members, names } = useDirectory();
  const snapshot = useCaseSnapshot(doc);
  const docStatus = useDocSyncStatus(sync);
  const teamState = useSyncExternalStore(team?.subscribe ?? noSubscribe, () => team?.current ?? null);
  const visible = Boolean(state?.showLocal && snapshot?.isCase && snapshot.patient);

  useEffect(() => {
    if (!doc || !catalogue.opened || !visible) return;
    return mirrorCaseToCatalogue(workspaceId, docId, doc, catalogue.opened.doc, sync?.provider ?? null);
  }, [doc, catalogue.opened, visible, workspaceId, docId, sync]);

  const lost = state && gate && (state.phase === 'refused' || state.phase === 'removed' || state.phase === 'failed');
  const readOnly = me.role === 'observer';
  const owner = teamState?.enforced.owner ?? snapshot?.createdBy ?? null;
  // Until the gate admits the case there is no provider: the shell's one status hears the gate's phase instead.
  useRegisteredStatus(!sync && !lost ? statusOfGate(state) : null);

  return (
    <Layout>
      <div className="page stack patient-case">
        <div className="row no-print">
          <Link to="/w/$workspaceId/dossiers" params={{ workspaceId }}>
            ← {t('care.back')}
          </Link>
          <div className="spacer" />
          {sync && !lost ? <Presence provider={sync.provider} label={t('care.presence')} /> : null}
        </div>
        {lost ? (
          <AccessNotice kind="care" workspaceId={workspaceId} state={state} gate={gate} me={me} />
        ) : (
          <>
            <h1>{t('care.catalogueTitle', { reference: caseReference(docId) })}</h1>
            {state ? (
              <GateBanner kind="care" state={state} found={visible} synced={docStatus.state === 'synced'} />
            ) : null}
          </>
        )}
        {!lost && visible && doc && snapshot?.patient ? (
          <>
            <PatientHeader
              doc={doc}
              patient={snapshot.patient}
              status={snapshot.status}
              readOnly={readOnly}
              mayClose={me.role === 'coordinator' || owner === me.memberId}
            />
            <div className="case-grid">
              <div className="stack">
                <Timeline doc={doc} entries={snapshot.timeline} names={names} me={me.memberId} readOnly={readOnly} />
                <ActionsPanel
                  doc={doc}
                  actions={snapshot.actions}
                  team={snapshot.team.map((m) => m.memberId)}
                  names={names}
                  me={me.memberId}
                  readOnly={readOnly}
                />
              </div>
              <CareTeamPanel
                doc={doc}
                wanted={wantedAcl(doc, owner)}
                owner={owner}
                enforced={teamState?.enforced ?? readEnforcedAcl(doc)}
                sync={teamState}
                editable={teamState ? teamState.canChange : !readOnly}
                members={members}
                me={me}
                onChanged={() => team?.changedHere()}
              />
            </div>
            {!readOnly ? (
              <ShortConcertationPanel
                workspaceId={workspaceId}
                docId={docId}
                doc={doc}
                entry={catalogue.items.find((i) => i.docId === docId)}
                team={snapshot.team.map((m) => m.memberId)}
                members={members}
              />
            ) : null}
            {!readOnly ? (
              <AddToMeetingPanel
                workspaceId={workspaceId}
                docId={docId}
                entry={catalogue.items.find((i) => i.docId === docId)}
                items={catalogue.items}
              />
            ) : null}
            <CaseRcpHistory
              workspaceId={workspaceId}
              docId={docId}
              doc={doc}
              patient={snapshot.patient}
              names={names}
            />
          </>
        ) : null}
      </div>
    </Layout>
  );
}

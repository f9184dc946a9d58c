// One crisis activation: who qualified it and when, this member's acknowledgement, the cell's board, the main
// courante, the handover summary, and deactivation. The document is open to every member; every write goes through
// the shared layout, which refuses observers' entries and anything once the crisis is ended.
import { useCallback, useMemo, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  acknowledge,
  appendEntry,
  assignTask,
  crisisVolunteers,
  escalate,
  setTaskStatus,
  writeRetex,
  markEntry,
  mayActivate,
  mayWriteLog,
  isInvitationLive,
  type AckAnswer,
  type EntryCheck,
  type EntryInput,
  type EscalationGroup,
  type EscalationInput,
  type RetexInput,
  type TaskInput,
  type TaskStatus,
} from '@maillage/shared';
import { Layout } from '../../ui/Layout';
import { useSyncedDoc } from '../../sync/useSyncedDoc';
import { useWorkspace } from '../../workspace/WorkspaceContext';
import { useDirectory } from '../directory/DirectoryContext';
import { useInvitations } from '../../workspace/useInvitations';
import { useCatalogue } from '../catalogue/useCatalogue';
import { useActivation } from './useActivation';
import { crisisActor, nameOf } from './crisisActor';
import { endActivation } from './newActivation';
import { ActivationSummary } from './ActivationSummary';
import { MyAckCard } from './MyAckCard';
import { CellBoard, type Alerted } from './CellBoard';
import { MainCourante } from './MainCourante';
import { HandoverPanel } from './HandoverPanel';
import { EscalationPanel } from './EscalationPanel';
import { TasksPanel } from './TasksPanel';
import { RetexPanel } from './RetexPanel';
import { DeactivateCard } from './DeactivateCard';
import { useFollowUp } from './useFollowUp';
import { useCalledIn } from './useCalledIn';
import { usePlanForCrisis } from './usePlanForCrisis';
import { useCatalogueFollowsCrisis } from './useCatalogueFollowsCrisis';
import { useAutoEscalation } from './useAutoEscalation';
import './crisisStrings';
import './crisis.css';

export default function ActivationScreen({ workspaceId, docId }: { workspaceId: string; docId: string }) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const catalogue = useCatalogue(workspaceId);
  const { members } = useDirectory();
  const invitations = useInvitations();
  // Observers write no annuaire entry: their invitation names them, and they too are asked to acknowledge.
  const alerted = useMemo<Alerted[]>(() => {
    const listed = new Set(members.map((m) => m.memberId));
    const observers = invitations
      .filter((i) => i.role === 'observer' && isInvitationLive(i) && !listed.has(i.member))
      .map((i) => ({ memberId: i.member, name: i.name || t('crisis.someone') }));
    return [...members.map((m) => ({ memberId: m.memberId, name: m.name })), ...observers];
  }, [members, invitations, t]);
  const opened = useSyncedDoc(workspaceId, docId);
  const { snapshot, ready } = useActivation(opened?.doc ?? null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const activation = snapshot?.activation ?? null;
  const active = !!activation && activation.deactivatedAt === null;
  const followUp = useFollowUp(opened?.doc ?? null);
  const call = useCalledIn(opened?.doc ?? null, workspace.memberId);
  const typology = followUp?.typology ?? activation?.typology ?? null;
  const plan = usePlanForCrisis(workspaceId, catalogue.items, typology, snapshot);
  const actor = useMemo(() => crisisActor(workspace, plan.referents), [workspace, plan.referents]);
  const cell = mayWriteLog(actor);
  const counts = followUp?.counts;
  // Who a group holds, read here from the plan and the crisis directory, is recorded with the escalation: their
  // banner tells them they are called in.
  const groupMembers = useCallback(
    (group: EscalationGroup | null) =>
      group === 'suppleants'
        ? plan.suppleants
        : group === 'benevoles'
          ? crisisVolunteers(members, typology ?? undefined).map((m) => m.memberId)
          : [],
    [plan.suppleants, members, typology],
  );

  useCatalogueFollowsCrisis(catalogue.opened?.doc ?? null, docId, cell, typology, counts, activation?.deactivatedAt);
  useAutoEscalation(opened?.doc ?? null, active && cell, plan.rule, snapshot, actor, groupMembers);

  const name = (id: string | null) => (id ? nameOf(members, id, t('crisis.someone')) : t('crisis.someone'));
  const mine = snapshot?.acks.find((a) => a.memberId === workspace.memberId)?.answer ?? null;
  const answer = (value: AckAnswer) => {
    if (!opened) return;
    const result = acknowledge(opened.doc, actor, value);
    setRefusal(result.ok ? null : (result.errors[0]?.message ?? 'errors.invalid'));
  };
  const append = (input: EntryInput) => {
    if (!opened) return [{ field: 'form', message: 'errors.invalid' }];
    const result = appendEntry(opened.doc, input, actor);
    return result.ok ? null : result.errors;
  };
  const mark = (id: string, state: EntryCheck) => {
    if (!opened) return;
    const result = markEntry(opened.doc, id, state, actor);
    setRefusal(result.ok ? null : (result.errors[0]?.message ?? 'errors.invalid'));
  };
  const raise = (input: EscalationInput) => {
    if (!opened) return [{ field: 'form', message: 'errors.invalid' }];
    const result = escalate(opened.doc, input, actor, new Date(), false, groupMembers(input.group ?? null));
    return result.ok ? null : result.errors;
  };
  const assign = (input: TaskInput) => {
    if (!opened) return [{ field: 'form', message: 'errors.invalid' }];
    const result = assignTask(
      opened.doc,
      input,
      actor,
      members.map((m) => m.memberId),
    );
    return result.ok ? null : result.errors;
  };
  const move = (id: string, value: TaskStatus) => {
    if (!opened) return;
    const result = setTaskStatus(opened.doc, id, value, actor);
    setRefusal(result.ok ? null : (result.errors[0]?.message ?? 'errors.invalid'));
  };
  const saveRetex = (input: RetexInput) => {
    if (!opened) return [{ field: 'form', message: 'errors.invalid' }];
    const result = writeRetex(opened.doc, input, actor);
    return result.ok ? null : result.errors;
  };
  const end = () => {
    if (!opened || !catalogue.opened) return;
    const result = endActivation(opened.doc, catalogue.opened.doc, docId, actor);
    setRefusal(result.ok ? null : (result.errors[0]?.message ?? 'errors.invalid'));
  };

  return (
    <Layout title={catalogue.name ?? undefined}>
      <div className="page stack crisis">
        <div className="row no-print">
          <Link to="/w/$workspaceId/crise" params={{ workspaceId }}>
            ← {t('crisis.back')}
          </Link>
        </div>
        {ready === 'newer' ? (
          <p role="alert">{t('crisis.newer')}</p>
        ) : !activation ? (
          <p role="status">{ready === 'waiting' && !opened ? t('crisis.loading') : t('crisis.notFound')}</p>
        ) : (
          <>
            <ActivationSummary
              workspaceId={workspaceId}
              activation={activation}
              typology={typology}
              active={active}
              counts={counts}
              name={name}
            />
            {refusal ? (
              <p className="error" role="alert">
                {t(refusal)}
              </p>
            ) : null}
            {active ? <MyAckCard call={call} current={mine} onAnswer={answer} /> : null}
            <CellBoard acks={snapshot!.acks} members={alerted} />
            <EscalationPanel
              escalations={followUp?.escalations ?? []}
              typology={typology}
              canEscalate={active && mayActivate(actor)}
              nameOf={(id) => name(id)}
              onEscalate={raise}
            />
            <TasksPanel
              tasks={followUp?.tasks ?? []}
              members={members}
              suggestions={plan.sheetActions}
              canWrite={active && cell}
              nameOf={(id) => name(id)}
              onAssign={assign}
              onStatus={move}
            />
            {!mayWriteLog(actor) ? <p role="note">{t('crisis.log.readOnly')}</p> : null}
            <MainCourante
              log={snapshot!.log}
              latest={snapshot!.latest}
              altered={snapshot!.altered}
              members={members}
              canWrite={active && mayWriteLog(actor)}
              onAppend={append}
              onMark={mark}
            />
            <HandoverPanel handover={snapshot!.handover} activatedAt={activation.activatedAt} />
            {!active ? (
              <RetexPanel
                workspaceId={workspaceId}
                docId={docId}
                retex={followUp?.retex ?? null}
                canWrite={cell}
                nameOf={(id) => name(id)}
                onSave={saveRetex}
              />
            ) : null}
            <DeactivateCard canEnd={active && mayActivate(actor)} onEnd={end} />
          </>
        )}
      </div>
    </Layout>
  );
}

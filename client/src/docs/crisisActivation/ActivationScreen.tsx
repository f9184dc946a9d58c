// One crisis activation: who qualified it and when, this member's acknowledgement, the cell's board, the main
// courante, the handover summary, and deactivation. The document is open to every member; every write goes through
// the shared layout, which refuses observers' entries and anything once the crisis is ended.
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  acknowledge,
  appendEntry,
  assignTask,
  crisisVolunteers,
  escalate,
  escalationDue,
  setTaskStatus,
  writeRetex,
  markEntry,
  mayActivate,
  mayWriteLog,
  readCatalogueEntry,
  isInvitationLive,
  upsertCatalogueEntry,
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
import { formatDate } from '../../i18n';
import { dayAtTime } from '../../workspace/dayAtTime';
import { useActivation } from './useActivation';
import { crisisActor, nameOf } from './crisisActor';
import { endActivation } from './newActivation';
import { AckButtons } from './AckButtons';
import { CellBoard, type Alerted } from './CellBoard';
import { MainCourante } from './MainCourante';
import { HandoverPanel } from './HandoverPanel';
import { EscalationPanel } from './EscalationPanel';
import { TasksPanel } from './TasksPanel';
import { RetexPanel } from './RetexPanel';
import { useFollowUp } from './useFollowUp';
import { useCalledIn } from './useCalledIn';
import { SheetLink } from './SheetLink';
import { usePlanForCrisis } from './usePlanForCrisis';
import './crisisStrings';
import './crisis.css';

const ConfirmDialog = lazy(() => import('../../ui/ConfirmDialog'));

export default function ActivationScreen({ workspaceId, docId }: { workspaceId: string; docId: string }) {
  const { t, i18n } = useTranslation();
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
  const [ending, setEnding] = useState(false);
  const activation = snapshot?.activation ?? null;
  const active = !!activation && activation.deactivatedAt === null;
  const followUp = useFollowUp(opened?.doc ?? null);
  const call = useCalledIn(opened?.doc ?? null, workspace.memberId);
  const clock = (iso: string) => {
    const at = dayAtTime(iso, i18n.language);
    return `${at.hour}:${at.minute}`;
  };
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

  // The catalogue carries the typology now and the ACI counts, so banners and the dashboard need not open this.
  useEffect(() => {
    if (!catalogue.opened || !cell || !counts || !typology) return;
    const entry = readCatalogueEntry(catalogue.opened.doc, docId);
    if (!entry) return;
    if (
      entry.crisisTypology !== typology ||
      entry.crisisMobilised !== counts.mobilised ||
      entry.crisisActionsDone !== counts.actionsDone
    )
      upsertCatalogueEntry(catalogue.opened.doc, docId, {
        crisisTypology: typology,
        crisisMobilised: counts.mobilised,
        crisisActionsDone: counts.actionsDone,
      });
  }, [catalogue.opened, cell, counts, typology, docId]);

  // The alert goes on to the next group by itself when the plan's delay passed with too few available: any device
  // of the cell that has the crisis open writes it (two at once count once: alertedGroups).
  useEffect(() => {
    if (!opened || !active || !cell) return;
    const check = () => {
      const group = escalationDue(opened.doc, plan.rule);
      if (!group) return;
      const available = snapshot?.acks.filter((a) => a.answer === 'disponible').length ?? 0;
      const reason = t('crisis.escalation.autoReason', {
        group: t(`crisis.escalation.groups.${group}`),
        available,
        minutes: plan.rule.delayMinutes,
      });
      escalate(opened.doc, { group, reason }, actor, new Date(), true, groupMembers(group));
    };
    check();
    const timer = setInterval(check, 30_000);
    return () => clearInterval(timer);
  }, [opened, active, cell, plan.rule, snapshot, actor, t, groupMembers]);

  // The catalogue follows the activation's end, so banners go on every device (any writer writes the same value).
  useEffect(() => {
    if (!catalogue.opened || !activation?.deactivatedAt || !cell) return;
    const entry = readCatalogueEntry(catalogue.opened.doc, docId);
    if (entry && entry.status !== 'terminee')
      upsertCatalogueEntry(catalogue.opened.doc, docId, { status: 'terminee', updatedAt: activation.deactivatedAt });
  }, [catalogue.opened, activation?.deactivatedAt, cell, docId]);

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
    setEnding(false);
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
            <h1>
              {t(`crisis.typologies.${typology ?? activation.typology}`)}{' '}
              <span className="badge">{t(`crisis.statuses.${active ? 'active' : 'terminee'}`)}</span>
              {activation.exercise ? <span className="badge">{t('crisis.exercise.badge')}</span> : null}
            </h1>
            {activation.exercise ? <p>{t('crisis.exercise.shown', { scenario: activation.scenario })}</p> : null}
            {typology ? <SheetLink workspaceId={workspaceId} typology={typology} /> : null}
            {counts ? (
              <p data-testid="crisis-figures">
                {t('crisis.figures.line', { mobilised: counts.mobilised, actions: counts.actionsDone })}
              </p>
            ) : null}
            <ul className="plain stack tight">
              <li>
                {t('crisis.qualified', {
                  authority: t(`crisis.authorities.${activation.authority}`),
                  when: formatDate(activation.qualifiedAt),
                })}
              </li>
              {activation.reference ? <li>{t('crisis.reference', { reference: activation.reference })}</li> : null}
              <li>
                {t('crisis.activatedBy', {
                  name: name(activation.activatedBy),
                  when: formatDate(activation.activatedAt),
                })}
              </li>
              {activation.deactivatedAt ? (
                <li>
                  {t('crisis.deactivatedBy', {
                    name: name(activation.deactivatedBy),
                    when: formatDate(activation.deactivatedAt),
                  })}
                </li>
              ) : null}
            </ul>
            {refusal ? (
              <p className="error" role="alert">
                {t(refusal)}
              </p>
            ) : null}
            {active ? (
              <section className="stack card" aria-labelledby="crisis-my-ack">
                <h2 id="crisis-my-ack">{t('crisis.banner.ask')}</h2>
                {call?.group ? (
                  <p className="crisis-called">
                    {t('crisis.banner.calledIn', {
                      group: t(`crisis.escalation.groups.${call.group}`),
                      time: clock(call.at),
                    })}
                  </p>
                ) : null}
                <AckButtons onAnswer={answer} current={mine} />
              </section>
            ) : null}
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
            {active && mayActivate(actor) ? (
              <section className="stack card" aria-labelledby="crisis-end-heading">
                <h2 id="crisis-end-heading">{t('crisis.deactivate.heading')}</h2>
                <div className="row">
                  <button type="button" className="danger" onClick={() => setEnding(true)}>
                    {t('crisis.deactivate.button')}
                  </button>
                </div>
              </section>
            ) : null}
            {ending ? (
              <Suspense fallback={null}>
                <ConfirmDialog
                  title={t('crisis.deactivate.confirmTitle')}
                  confirmLabel={t('crisis.deactivate.button')}
                  danger
                  onConfirm={end}
                  onCancel={() => setEnding(false)}
                >
                  <p>{t('crisis.deactivate.confirm')}</p>
                </ConfirmDialog>
              </Suspense>
            ) : null}
          </>
        )}
      </div>
    </Layout>
  );
}

// The fiche of the case being discussed, opened from the case's own document through its gate: only its care team
// gets it (decision 0038). Three texts written live, the actions, reporting the decision into the case (confirmed
// first), and the case's compte rendu to print.
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  addRcpAction,
  isRcpFicheWritable,
  openRcpFiche,
  parisToday,
  recordRcpDecision,
  setRcpReevaluation,
  updateRcpAction,
  RCP_TEXT_FIELDS,
  type AgendaItem,
  type DirectoryMember,
  type FieldError,
  type Meeting,
  type RcpFiche,
  type RcpMeeting,
  type Signature,
  readRcpConsent,
  type Validated,
} from '@maillage/shared';
import { useProfile } from '../../../workspace/ProfileContext';
import { useCaseAccess } from '../../patientCase/useCaseAccess';
import { keepCaseListed } from '../../patientCase/mirrorCase';
import { useCatalogue } from '../../catalogue/useCatalogue';
import { useCaseSnapshot } from '../../patientCase/useCaseSnapshot';
import { useRcpFiche } from './useRcpFiche';
import { RcpTextEditor } from './RcpTextEditor';
import { RcpFrozenText } from './RcpFrozenText';
import { RcpConsentPanel } from './RcpConsentPanel';
import { RcpActions } from './RcpActions';
import { CaseMinutes } from './CaseMinutes';
import { RcpRecordButton } from './RcpRecordButton';
import { removeRcpActionUndoably } from './removeRcpActionUndoably';
import { frenchDay } from './dayLabel';
import { DateField } from '../../../ui/DateField';

interface Props {
  workspaceId: string;
  meetingId: string;
  meeting: Meeting;
  item: AgendaItem;
  members: readonly DirectoryMember[];
  sheet: readonly Signature[];
  canWrite: boolean;
  onPrint: () => void;
  /** Notes on the meeting's agenda that the decision is in the case (when, never what). */
  onRecorded: () => void;
  /** Notes on the meeting's agenda that the patient's consent is in the case (when, never what). */
  onConsentRecorded: () => void;
}

const noSubscribe = () => () => undefined;

/** Whether the fiche already holds the meeting's day, question, kind and hours. */
const noted = (fiche: RcpFiche, ref: RcpMeeting): boolean =>
  fiche.date === ref.date &&
  fiche.question === ref.question &&
  fiche.held?.type === ref.type &&
  fiche.held?.start === ref.start &&
  fiche.held?.end === ref.end;

export function CaseFiche({
  workspaceId,
  meetingId,
  meeting,
  item,
  members,
  sheet,
  canWrite,
  onPrint,
  onRecorded,
  onConsentRecorded,
}: Props) {
  const { t } = useTranslation();
  const profile = useProfile();
  const access = useCaseAccess(workspaceId, item.caseId);
  const { state, me, team: teamSync } = access;
  const catalogueDoc = useCatalogue(workspaceId).opened?.doc ?? null;
  const teamState = useSyncExternalStore(teamSync?.subscribe ?? noSubscribe, () => teamSync?.current ?? null);
  const snapshot = useCaseSnapshot(access.doc);
  const doc = state?.showLocal && snapshot?.isCase ? access.doc : null;
  const fiche = useRcpFiche(doc, meetingId);
  const [refusals, setRefusals] = useState<Record<string, string>>({});
  const names = useMemo(() => new Map(members.map((m) => [m.memberId, m.name])), [members]);
  const ref: RcpMeeting = {
    meetingId,
    date: meeting.date,
    status: meeting.status,
    question: item.question,
    criterion: item.criterion,
    type: meeting.type,
    start: meeting.start,
    end: meeting.end,
  };
  // What an undo offered a few seconds ago checks against: the meeting as it is then.
  const meetingNow = useRef(ref);
  meetingNow.current = ref;
  const writable = !!doc && !!fiche && canWrite && me.role !== 'observer' && isRcpFicheWritable(doc, ref);

  // The meeting's facts go on the fiche once, so the case's compte rendu can be printed from the case alone.
  useEffect(() => {
    if (doc && writable && fiche && !noted(fiche, ref)) openRcpFiche(doc, ref);
  });

  // Recorded here or on another device (perhaps offline then): the agenda hears of it once.
  const recorded = !!fiche?.decided;
  useEffect(() => {
    if (recorded && !item.decisionRecordedAt && canWrite) onRecorded();
  }, [recorded, item.decisionRecordedAt, canWrite, onRecorded]);

  // Consent recorded here or on another device: the agenda hears of it once.
  const consented = !!doc && !!fiche && readRcpConsent(doc, meetingId) !== null;
  useEffect(() => {
    if (consented && !item.consentRecordedAt && canWrite) onConsentRecorded();
  }, [consented, item.consentRecordedAt, canWrite, onConsentRecorded]);

  // Participants who joined the team for this meeting find the case in their list once the relay admits them.
  useEffect(() => {
    if (doc && catalogueDoc && teamState?.inStep) keepCaseListed(catalogueDoc, item.caseId, doc);
  }, [doc, catalogueDoc, teamState, item.caseId]);

  const lost = state?.phase === 'refused' || state?.phase === 'removed' || state?.phase === 'failed';
  if (lost)
    return (
      <p role="note" data-testid="rcp-reserved">
        {t('rcp.reserved')}
      </p>
    );
  if (!doc || !fiche || !snapshot) return <p className="muted">{t('rcp.opening')}</p>;

  const write = <T,>(run: () => Validated<T>): FieldError[] | null => {
    const result = run();
    setRefusals(result.ok ? {} : Object.fromEntries(result.errors.map((e) => [e.field, e.message])));
    return result.ok ? null : result.errors;
  };
  const team = snapshot.team.map((m) => m.memberId);
  const title = t('rcp.decisionTitle', { date: frenchDay(meeting.date) });
  // Refusals not tied to one action (no decision text, a meeting to come…) show under the button.
  const general = Object.entries(refusals).find(
    ([field]) => !field.startsWith('actions.') && field !== 'reevaluation',
  )?.[1];

  return (
    <div className="stack rcp-case">
      <p className="muted">
        {t('rcp.question', { question: item.question, criterion: t(`concertation.criteria.${item.criterion}`) })}{' '}
        <Link to="/w/$workspaceId/dossiers/$docId" params={{ workspaceId, docId: item.caseId }}>
          {t('rcp.openCase')}
        </Link>
      </p>
      <RcpConsentPanel
        doc={doc}
        meeting={ref}
        participants={meeting.participants}
        team={team}
        names={names}
        me={me.memberId}
        presenter={item.presenter}
        writable={writable}
        onRecorded={() => teamSync?.changedHere()}
      />
      {!isRcpFicheWritable(doc, ref) && !fiche.decided ? <p role="note">{t('rcp.locked')}</p> : null}
      {fiche.unkept ? (
        <p role="alert" data-testid="rcp-unkept">
          {t('rcp.frozen')}
        </p>
      ) : null}
      {RCP_TEXT_FIELDS.map((field) =>
        fiche.decided?.texts ? (
          <RcpFrozenText key={field} field={field} label={t(`rcp.fields.${field}`)} text={fiche[field]} />
        ) : (
          <RcpTextEditor
            key={field}
            doc={doc}
            profile={profile}
            meetingId={meetingId}
            field={field}
            label={t(`rcp.fields.${field}`)}
            readOnly={!writable}
          />
        ),
      )}
      <RcpActions
        actions={fiche.actions}
        team={team}
        names={names}
        readOnly={!writable}
        refusals={refusals}
        onAdd={(input) => write(() => addRcpAction(doc, ref, input))}
        onUpdate={(id, patch) => write(() => updateRcpAction(doc, ref, id, patch))}
        onRemove={(action) => removeRcpActionUndoably(doc, () => meetingNow.current, action, write)}
      />
      <div className="stack tight">
        <DateField
          id={`rcp-reevaluation-${item.id}`}
          label={t('rcp.reevaluation.label')}
          value={fiche.reevaluation ?? ''}
          disabled={!writable}
          error={refusals.reevaluation ? t(refusals.reevaluation) : undefined}
          onChange={(day) => {
            // An incomplete date is not written: clearing is its own button.
            if (day) write(() => setRcpReevaluation(doc, ref, day));
          }}
        />
        <p className="muted small">{t('rcp.reevaluation.hint')}</p>
        {writable && fiche.reevaluation ? (
          <div className="no-print">
            <button type="button" onClick={() => write(() => setRcpReevaluation(doc, ref, null))}>
              {t('rcp.reevaluation.clear')}
            </button>
          </div>
        ) : null}
      </div>
      {fiche.decided ? (
        <p role="status" data-testid="rcp-recorded">
          {t('rcp.recorded', {
            date: frenchDay(parisToday(new Date(fiche.decided.decidedAt))),
            name: names.get(fiche.decided.decidedBy) ?? t('concertation.unknownMember'),
          })}
        </p>
      ) : writable ? (
        <RcpRecordButton
          error={general}
          onRecord={() => write(() => recordRcpDecision(doc, ref, me.memberId, title))}
        />
      ) : null}
      <div className="no-print">
        <button type="button" onClick={onPrint}>
          {t('rcp.print')}
        </button>
      </div>
      <CaseMinutes
        reference={item.label}
        meeting={meeting}
        question={item.question}
        criterion={item.criterion}
        patient={snapshot.patient}
        fiche={fiche}
        sheet={sheet}
        names={names}
        headingId="case-cr-heading"
      />
    </div>
  );
}

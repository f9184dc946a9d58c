// Where the protocol stands and what this person may do next: the moves their role allows (with a reason for the
// log; steps back look secondary; archiving, a step back and leaving the archive ask first), signing off the version
// under review (confirmed, and withdrawn until the round closes), and who has signed it off.
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ArrowLeft } from 'lucide-react';
import type * as Y from 'yjs';
import {
  allowedMoves,
  currentSignoffs,
  moveKind,
  moveStatus,
  observeWorkflow,
  signOff,
  withdrawSignoff,
  type Actor,
  type ProtocolStatus,
} from '@maillage/shared';
import { useDocValue } from '../../../sync/useDocValue';
import { formatDate } from '../../../i18n';
import { useProtocolHeader } from '../useProtocolHeader';
import { askedMove } from './askedMove';

const ConfirmDialog = lazy(() => import('../../../ui/ConfirmDialog'));
const MoveQuestion = lazy(() => import('./MoveQuestion'));
const MOVE_CLASS = { forward: 'small primary', back: 'small', archive: 'small ghost' } as const;

export function WorkflowBar({ doc, actor, leadName }: { doc: Y.Doc; actor: Actor; leadName: string | null }) {
  const { t } = useTranslation();
  const { status } = useProtocolHeader(doc);
  const signoffs = useDocValue(doc, currentSignoffs, observeWorkflow);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [asking, setAsking] = useState<ProtocolStatus | null>(null);
  // Steps on first, then steps back, then archiving: the way forward is the first button.
  const order = { forward: 0, back: 1, archive: 2 } as const;
  const moves = allowedMoves(status, actor)
    .map((to) => ({ to, kind: moveKind(status, to) }))
    .sort((a, b) => order[a.kind] - order[b.kind]);
  const signed = signoffs.some((s) => s.memberId === actor.memberId);
  const moveLabel = (to: ProtocolStatus, kind: 'forward' | 'back' | 'archive') =>
    status === 'archive'
      ? t('workflow.unarchive')
      : kind === 'back'
        ? t(`workflow.movesBack.${to}`)
        : t(`workflow.moves.${to}`);

  const move = (to: ProtocolStatus) => {
    setAsking(null);
    const result = moveStatus(doc, to, actor, reason);
    if (!result.ok) return setError(result.errors[0]?.message ?? 'errors.invalid');
    setReason('');
    setError(null);
  };
  const sign = () => {
    setConfirming(false);
    const result = signOff(doc, actor);
    setNotice(null);
    setError(result.ok ? null : (result.errors[0]?.message ?? 'errors.invalid'));
  };
  const withdraw = () => {
    const result = withdrawSignoff(doc, actor);
    setNotice(result.ok ? 'workflow.withdrawn' : null);
    setError(result.ok ? null : (result.errors[0]?.message ?? 'errors.invalid'));
  };

  return (
    <section className="card stack workflow no-print" aria-labelledby="workflow-title">
      <div className="row">
        <h2 id="workflow-title">{t('workflow.title')}</h2>
        <span className={`badge status-${status}`} data-testid="protocol-status">
          {t(`protocol.statuses.${status}`)}
        </span>
        <span className="muted small">
          {actor.isLead
            ? t('workflow.youLead')
            : leadName
              ? t('workflow.ledBy', { name: leadName })
              : t('workflow.noLead')}
        </span>
      </div>
      {status === 'relecture' ? (
        <div className="row">
          <span>
            {signoffs.length === 0
              ? t('workflow.noSignoff')
              : t('workflow.signedBy', {
                  names: signoffs
                    .map((s) => `${s.name} (${t(`professions.${s.profession}`)}, ${formatDate(s.at, false)})`)
                    .join(', '),
                })}
          </span>
          {actor.role !== 'observer' && !signed ? (
            <button type="button" className="small primary" onClick={() => setConfirming(true)}>
              {t('workflow.signOff')}
            </button>
          ) : null}
          {signed ? (
            <>
              <span className="muted small">{t('workflow.signedByYou')}</span>
              <button type="button" className="small ghost" onClick={withdraw}>
                {t('workflow.withdraw')}
              </button>
            </>
          ) : null}
        </div>
      ) : null}
      {moves.length > 0 ? (
        <div className="row">
          <label htmlFor="move-reason" className="small">
            {t('workflow.reason')}
          </label>
          <input id="move-reason" className="grow" value={reason} onChange={(e) => setReason(e.target.value)} />
          {moves.map(({ to, kind }) => (
            <button
              key={to}
              type="button"
              className={`${MOVE_CLASS[kind]} icon-button`}
              onClick={() => (askedMove(status, to) ? setAsking(to) : move(to))}
            >
              {kind === 'back' ? <ArrowLeft aria-hidden="true" size={14} /> : null}
              {moveLabel(to, kind)}
            </button>
          ))}
        </div>
      ) : null}
      {error ? (
        <p className="error" role="alert">
          {t(error)}
        </p>
      ) : null}
      <p role="status" className="muted small status-line">
        {notice ? t(notice) : null}
      </p>
      {asking ? (
        <Suspense fallback={null}>
          <MoveQuestion
            from={status}
            to={asking}
            label={moveLabel(asking, moveKind(status, asking))}
            onConfirm={() => move(asking)}
            onCancel={() => setAsking(null)}
          />
        </Suspense>
      ) : null}
      {confirming ? (
        <Suspense fallback={null}>
          <ConfirmDialog
            title={t('workflow.signOffTitle')}
            confirmLabel={t('workflow.signOff')}
            onConfirm={sign}
            onCancel={() => setConfirming(false)}
          >
            <p>{t('workflow.signOffWhat')}</p>
          </ConfirmDialog>
        </Suspense>
      ) : null}
    </section>
  );
}

// Where the protocol stands and what this person may do next: the moves their role allows (with a reason for the
// log), signing off the version under review, and who has signed it off.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import {
  allowedMoves,
  currentSignoffs,
  moveStatus,
  observeWorkflow,
  signOff,
  type Actor,
  type ProtocolStatus,
} from '@maillage/shared';
import { useDocValue } from '../../../sync/useDocValue';
import { formatDate } from '../../../i18n';
import { useProtocolHeader } from '../useProtocolHeader';

export function WorkflowBar({ doc, actor, leadName }: { doc: Y.Doc; actor: Actor; leadName: string | null }) {
  const { t } = useTranslation();
  const { status } = useProtocolHeader(doc);
  const signoffs = useDocValue(doc, currentSignoffs, observeWorkflow);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const moves = allowedMoves(status, actor);
  const signed = signoffs.some((s) => s.memberId === actor.memberId);

  const move = (to: ProtocolStatus) => {
    const result = moveStatus(doc, to, actor, reason);
    if (!result.ok) return setError(result.errors[0]?.message ?? 'errors.invalid');
    setReason('');
    setError(null);
  };
  const sign = () => {
    const result = signOff(doc, actor);
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
            <button type="button" className="small" onClick={sign}>
              {t('workflow.signOff')}
            </button>
          ) : null}
        </div>
      ) : null}
      {moves.length > 0 ? (
        <div className="row">
          <label htmlFor="move-reason" className="small">
            {t('workflow.reason')}
          </label>
          <input id="move-reason" className="grow" value={reason} onChange={(e) => setReason(e.target.value)} />
          {moves.map((to) => (
            <button
              key={to}
              type="button"
              className={to === 'archive' ? 'small ghost' : 'small primary'}
              onClick={() => move(to)}
            >
              {t(`workflow.moves.${to}`)}
            </button>
          ))}
        </div>
      ) : null}
      {error ? (
        <p className="error" role="alert">
          {t(error)}
        </p>
      ) : null}
    </section>
  );
}

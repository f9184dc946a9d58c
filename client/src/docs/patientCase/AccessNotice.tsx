// What a member who may not open this case reads: not on the team, taken off it, or no valid access at all — in
// words that say whom to ask, never a spinner.
import { useEffect, useRef } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CaseGate, GateState } from './caseGate';
import type { Me } from './relayLink';

export function AccessNotice({
  workspaceId,
  state,
  gate,
  me,
}: {
  workspaceId: string;
  state: GateState;
  gate: CaseGate;
  me: Me;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const phase = state.phase === 'removed' || state.phase === 'failed' ? state.phase : 'refused';
  // The screen changed under the reader: move focus to the explanation so a screen reader says it at once.
  useEffect(() => heading.current?.focus(), [phase]);
  const mayJoin = me.role === 'coordinator' && state.acl !== null && phase !== 'failed';
  return (
    <section className="card stack notice-card" role="alert" aria-labelledby="case-access-title">
      <h1 id="case-access-title" ref={heading} tabIndex={-1}>
        {t(`care.access.${phase}Title`)}
      </h1>
      <p>{t(`care.access.${phase}`)}</p>
      {mayJoin ? <p className="muted">{t('care.access.joinHint')}</p> : null}
      <div className="row">
        <Link to="/w/$workspaceId/dossiers" params={{ workspaceId }} className="button">
          {t('care.back')}
        </Link>
        {phase !== 'failed' ? (
          <button type="button" onClick={gate.recheck}>
            {t('care.access.retry')}
          </button>
        ) : null}
        {mayJoin ? (
          <button type="button" className="primary" onClick={() => void gate.joinAsCoordinator()}>
            {t('care.access.joinAsCoordinator')}
          </button>
        ) : null}
      </div>
    </section>
  );
}

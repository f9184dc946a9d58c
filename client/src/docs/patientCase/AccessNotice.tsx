// What a member who may not open a restricted document (a coordination file, a concertation) reads: not on its list,
// taken off it, or no valid access at all — in words that say whom to ask, never a spinner. Nothing of it connects.
import { useEffect, useRef } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CaseGate, GateState } from './caseGate';
import type { Me } from './relayLink';

/** Each kind's strings (`<kind>.access.*`, `<kind>.back`) and the section its « back » leads to. */
const KINDS = {
  care: { section: '/w/$workspaceId/dossiers' },
  concertation: { section: '/w/$workspaceId/concertations' },
} as const;

export function AccessNotice({
  kind,
  workspaceId,
  state,
  gate,
  me,
}: {
  kind: keyof typeof KINDS;
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
    <section className="card stack notice-card" role="alert" aria-labelledby="access-notice-title">
      <h1 id="access-notice-title" ref={heading} tabIndex={-1}>
        {t(`${kind}.access.${phase}Title`)}
      </h1>
      <p>{t(`${kind}.access.${phase}`)}</p>
      {mayJoin ? <p className="muted">{t(`${kind}.access.joinHint`)}</p> : null}
      <div className="row">
        <Link to={KINDS[kind].section} params={{ workspaceId }} className="button">
          {t(`${kind}.back`)}
        </Link>
        {phase !== 'failed' ? (
          <button type="button" onClick={gate.recheck}>
            {t(`${kind}.access.retry`)}
          </button>
        ) : null}
        {mayJoin ? (
          <button type="button" className="primary" onClick={() => void gate.joinAsCoordinator()}>
            {t(`${kind}.access.joinAsCoordinator`)}
          </button>
        ) : null}
      </div>
    </section>
  );
}

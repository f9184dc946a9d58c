// What a member who may not open this meeting reads: reserved to its participants, taken off them, or no valid access
// at all — in words that say whom to ask. Nothing of the meeting is shown, nothing connects.
import { useEffect, useRef } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CaseGate, GateState } from '../patientCase/caseGate';
import type { Me } from '../patientCase/relayLink';

export function MeetingAccessNotice({
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
    <section className="card stack notice-card" role="alert" aria-labelledby="meeting-access-title">
      <h1 id="meeting-access-title" ref={heading} tabIndex={-1}>
        {t(`concertation.access.${phase}Title`)}
      </h1>
      <p>{t(`concertation.access.${phase}`)}</p>
      {mayJoin ? <p className="muted">{t('concertation.access.joinHint')}</p> : null}
      <div className="row">
        <Link to="/w/$workspaceId/concertations" params={{ workspaceId }} className="button">
          {t('concertation.back')}
        </Link>
        {phase !== 'failed' ? (
          <button type="button" onClick={gate.recheck}>
            {t('concertation.access.retry')}
          </button>
        ) : null}
        {mayJoin ? (
          <button type="button" className="primary" onClick={() => void gate.joinAsCoordinator()}>
            {t('concertation.access.joinAsCoordinator')}
          </button>
        ) : null}
      </div>
    </section>
  );
}

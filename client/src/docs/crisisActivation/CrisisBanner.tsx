// On every screen of the workspace while a crisis is active: its typology, a link to the cell, and the member's
// acknowledgement. The catalogue says a crisis is active (every device syncs it); the activation itself is opened here
// so the answer is written and read without leaving the screen.
import { useState } from 'react';
import { Link, useLocation } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Siren } from 'lucide-react';
import { acknowledge, type AckAnswer, type ActiveCrisis } from '@maillage/shared';
import { useSyncedDoc } from '../../sync/useSyncedDoc';
import { useWorkspace } from '../../workspace/WorkspaceContext';
import { useActivation } from './useActivation';
import { crisisActor } from './crisisActor';
import { AckButtons } from './AckButtons';
import './crisisStrings';
import './crisis.css';

export default function CrisisBanner({ workspaceId, crisis }: { workspaceId: string; crisis: ActiveCrisis }) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const opened = useSyncedDoc(workspaceId, crisis.docId);
  const { snapshot } = useActivation(opened?.doc ?? null, false);
  const [changing, setChanging] = useState(false);
  // The crisis's own screen says all the banner would, and asks for the answer itself.
  const here = useLocation({ select: (l) => l.pathname.endsWith(`/crise/${crisis.docId}`) });
  const mine = snapshot?.acks.find((a) => a.memberId === workspace.memberId)?.answer ?? null;
  const answer = (value: AckAnswer) => {
    if (opened && acknowledge(opened.doc, crisisActor(workspace), value).ok) setChanging(false);
  };
  const typology = t(`crisis.typologies.${crisis.typology}`);
  if (here) return null;

  return (
    <section className="crisis-banner no-print" aria-labelledby="crisis-banner-title" data-testid="crisis-banner">
      <p id="crisis-banner-title" className="crisis-banner-title">
        <Siren aria-hidden="true" size={20} />
        <strong>
          {t(snapshot?.activation.exercise ? 'crisis.banner.exercise' : 'crisis.banner.active', { typology })}
        </strong>
      </p>
      {snapshot && (!mine || changing) ? (
        <div className="stack tight">
          <p>{t('crisis.banner.ask')}</p>
          <AckButtons onAnswer={answer} current={mine} />
        </div>
      ) : null}
      {snapshot && mine && !changing ? (
        <p role="status">
          {t('crisis.banner.answered', { answer: t(`crisis.ack.short.${mine}`) })}{' '}
          <button type="button" className="ghost small" onClick={() => setChanging(true)}>
            {t('crisis.banner.change')}
          </button>
        </p>
      ) : null}
      <Link to="/w/$workspaceId/crise/$docId" params={{ workspaceId, docId: crisis.docId }}>
        {t('crisis.banner.open')}
      </Link>
    </section>
  );
}

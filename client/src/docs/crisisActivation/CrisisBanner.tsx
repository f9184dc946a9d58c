// On every screen of the workspace while a crisis is active: its typology, a link to the cell, and the member's
// acknowledgement. The catalogue says a crisis is active (every device syncs it); the activation itself is opened here
// so the answer is written and read without leaving the screen. When the alert goes on to a group this member is in,
// the banner says they are called in and asks again; both the alert and the call also notify, where allowed.
import { useEffect, useState } from 'react';
import { Link, useLocation } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Siren } from 'lucide-react';
import { acknowledge, type AckAnswer, type ActiveCrisis } from '@maillage/shared';
import { useSyncedDoc } from '../../sync/useSyncedDoc';
import { useWorkspace } from '../../workspace/WorkspaceContext';
import { useActivation } from './useActivation';
import { crisisActor } from './crisisActor';
import { AckButtons } from './AckButtons';
import { useCalledIn } from './useCalledIn';
import { SheetLink } from './SheetLink';
import { notify } from '../../workspace/home/notify';
import { dayAtTime } from '../../workspace/dayAtTime';
import './crisisStrings';
import './crisis.css';

export default function CrisisBanner({ workspaceId, crisis }: { workspaceId: string; crisis: ActiveCrisis }) {
  const { t, i18n } = useTranslation();
  const workspace = useWorkspace();
  const opened = useSyncedDoc(workspaceId, crisis.docId);
  const { snapshot } = useActivation(opened?.doc ?? null, false);
  const [changing, setChanging] = useState(false);
  // The crisis's own screen says all the banner would, and asks for the answer itself.
  const here = useLocation({ select: (l) => l.pathname.endsWith(`/crise/${crisis.docId}`) });
  const mine = snapshot?.acks.find((a) => a.memberId === workspace.memberId)?.answer ?? null;
  const call = useCalledIn(opened?.doc ?? null, workspace.memberId);
  const unanswered = Boolean(snapshot) && !mine;
  const answer = (value: AckAnswer) => {
    if (opened && acknowledge(opened.doc, crisisActor(workspace), value).ok) setChanging(false);
  };
  const typology = t(`crisis.typologies.${crisis.typology}`);
  // The tag keeps one notification per crisis and per call, however often the banner is drawn again.
  useEffect(() => {
    if (unanswered) notify(t('crisis.notify.active', { typology }), `crisis-${crisis.docId}`);
  }, [unanswered, crisis.docId, typology, t]);
  useEffect(() => {
    if (call) notify(t('crisis.notify.calledIn'), `crisis-call-${call.id}`);
  }, [call, t]);
  const callTime = call ? dayAtTime(call.at, i18n.language) : null;
  if (here) return null;

  return (
    <section className="crisis-banner no-print" aria-labelledby="crisis-banner-title" data-testid="crisis-banner">
      <p id="crisis-banner-title" className="crisis-banner-title">
        <Siren aria-hidden="true" size={20} />
        <strong>
          {t(snapshot?.activation.exercise ? 'crisis.banner.exercise' : 'crisis.banner.active', { typology })}
        </strong>
      </p>
      {/* Under the title, drawn at once: what comes with the activation's document (the call, the answer) goes below,
          so these links never move under a finger about to tap them. */}
      <p className="row wrap crisis-banner-links">
        <Link to="/w/$workspaceId/crise/$docId" params={{ workspaceId, docId: crisis.docId }}>
          {t('crisis.banner.open')}
        </Link>
        <SheetLink workspaceId={workspaceId} typology={crisis.typology} />
      </p>
      {call && call.group && callTime ? (
        <p className="crisis-called" role="alert">
          {t('crisis.banner.calledIn', {
            group: t(`crisis.escalation.groups.${call.group}`),
            time: `${callTime.hour}:${callTime.minute}`,
          })}
        </p>
      ) : null}
      {snapshot && (!mine || changing || call) ? (
        <div className="stack tight">
          <p>{t('crisis.banner.ask')}</p>
          <AckButtons onAnswer={answer} current={mine} />
        </div>
      ) : null}
      {snapshot && mine && !changing && !call ? (
        <p role="status">
          {t('crisis.banner.answered', { answer: t(`crisis.ack.short.${mine}`) })}{' '}
          <button type="button" className="ghost small" onClick={() => setChanging(true)}>
            {t('crisis.banner.change')}
          </button>
        </p>
      ) : null}
    </section>
  );
}

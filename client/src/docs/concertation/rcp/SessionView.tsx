// « En séance »: the view for holding the meeting. The case being discussed is the meeting's own (`session`), chosen by
// the bureau and followed live by every participant; its timer runs against the time planned for it; the fiche and
// its decision form are right below. One column, so it holds on a phone.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  caseTimer,
  neighbourCase,
  type AgendaItem,
  type CatalogueItem,
  type DirectoryMember,
  type Meeting,
  type SessionCurrent,
  type Signature,
} from '@maillage/shared';
import { FicheForMember } from './FicheForMember';

interface Props {
  workspaceId: string;
  meetingId: string;
  meeting: Meeting;
  agenda: AgendaItem[];
  current: SessionCurrent | null;
  cases: readonly CatalogueItem[];
  members: readonly DirectoryMember[];
  sheet: readonly Signature[];
  me: string;
  canWrite: boolean;
  /** Runs the meeting and it is still editable: chooses the case on everyone's screen and ticks it discussed. */
  leads: boolean;
  onSetCase: (itemId: string | null) => void;
  onDiscussed: (itemId: string, discussed: boolean) => void;
  onDecisionRecorded: (itemId: string) => void;
  onConsentRecorded: (itemId: string) => void;
  onLeave: () => void;
}

/** « 12:05 »: minutes and seconds, as a kitchen timer reads. */
const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

/** The wall clock, once a second while a case is running: the timer's only input besides the shared start. */
function useNow(running: boolean): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    if (!running) return;
    setNow(new Date());
    const id = window.setInterval(() => setNow(new Date()), 1000);
    return () => window.clearInterval(id);
  }, [running]);
  return now;
}

export function SessionView({
  workspaceId,
  meetingId,
  meeting,
  agenda,
  current,
  cases,
  members,
  sheet,
  me,
  canWrite,
  leads,
  onSetCase,
  onDiscussed,
  onDecisionRecorded,
  onConsentRecorded,
  onLeave,
}: Props) {
  const { t } = useTranslation();
  const index = agenda.findIndex((i) => i.id === current?.itemId);
  const item = index >= 0 ? agenda[index]! : null;
  const now = useNow(!!item);
  const timer = item && current ? caseTimer(current, item, now) : null;
  const nameOf = (id: string) => members.find((m) => m.memberId === id)?.name ?? t('concertation.unknownMember');
  const entry = item ? cases.find((c) => c.docId === item.caseId) : undefined;
  const onTeam = !!entry && (entry.restrictedTo ?? []).includes(me);
  const previous = neighbourCase(agenda, current?.itemId ?? null, -1);
  const next = neighbourCase(agenda, current?.itemId ?? null, 1);

  return (
    <section className="stack seance" aria-labelledby="seance-heading" data-testid="seance">
      <div className="row wrap">
        <h2 id="seance-heading" className="grow">
          {t('rcp.seance.heading')}
        </h2>
        <button type="button" onClick={onLeave}>
          {t('rcp.seance.leave')}
        </button>
      </div>
      {!leads ? <p className="muted">{t('rcp.seance.led')}</p> : null}
      <div className="card stack seance-current" aria-live="polite" aria-atomic="true">
        <h3>{t('rcp.seance.current')}</h3>
        {item ? (
          <>
            <p className="muted">{t('rcp.seance.position', { index: index + 1, count: agenda.length })}</p>
            <p data-testid="seance-case">
              <strong>{item.label}</strong> · {item.question}
            </p>
            <p className="muted">
              {t('rcp.seance.presenter', { name: nameOf(item.presenter) })} ·{' '}
              {t(`concertation.criteria.${item.criterion}`)}
            </p>
          </>
        ) : (
          <p>{t('rcp.seance.none')}</p>
        )}
      </div>
      {timer ? (
        <p
          className={`seance-timer${timer.over ? ' over' : ''}`}
          role="timer"
          aria-label={t('rcp.seance.timer', {
            elapsed: clock(timer.elapsedSeconds),
            planned: clock(timer.plannedSeconds),
          })}
          data-testid="seance-timer"
        >
          {clock(timer.elapsedSeconds)} / {clock(timer.plannedSeconds)}
          {timer.over ? <span className="seance-over"> · {t('rcp.seance.over')}</span> : null}
        </p>
      ) : null}
      {leads ? (
        <div className="row wrap seance-nav no-print">
          {item ? (
            <>
              <button type="button" disabled={!previous} onClick={() => previous && onSetCase(previous)}>
                ← {t('rcp.seance.previous')}
              </button>
              <button type="button" className="primary" disabled={!next} onClick={() => next && onSetCase(next)}>
                {t('rcp.seance.next')} →
              </button>
              <button type="button" onClick={() => onSetCase(null)}>
                {t('rcp.seance.end')}
              </button>
            </>
          ) : agenda.length > 0 ? (
            <button type="button" className="primary" onClick={() => onSetCase(agenda[0]!.id)}>
              {t('rcp.seance.start')}
            </button>
          ) : null}
        </div>
      ) : null}
      {item && leads ? (
        <label className="check">
          <input type="checkbox" checked={item.discussed} onChange={(e) => onDiscussed(item.id, e.target.checked)} />
          {t('rcp.seance.discussed')}
        </label>
      ) : null}
      {item ? (
        <div className="card stack rcp-fiche">
          <FicheForMember
            key={item.id}
            onTeam={onTeam}
            workspaceId={workspaceId}
            meetingId={meetingId}
            meeting={meeting}
            item={item}
            members={members}
            sheet={sheet}
            canWrite={canWrite}
            onRecorded={() => onDecisionRecorded(item.id)}
            onConsentRecorded={() => onConsentRecorded(item.id)}
          />
        </div>
      ) : null}
      <nav aria-label={t('rcp.seance.agenda')} className="card">
        <ol className="list seance-agenda">
          {agenda.map((i) => (
            <li key={i.id} aria-current={i.id === item?.id ? 'step' : undefined}>
              {leads ? (
                <button type="button" className="ghost" onClick={() => onSetCase(i.id)}>
                  {i.label}
                </button>
              ) : (
                <span>{i.label}</span>
              )}
              {i.discussed ? <span className="muted"> · {t('rcp.seance.discussed')}</span> : null}
            </li>
          ))}
        </ol>
      </nav>
    </section>
  );
}

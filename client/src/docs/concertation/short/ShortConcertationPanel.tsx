// « Concertation courte » on the coordination file: who took part (from the care team), the question, the decision and
// its actions, in one screen. Recorded as a meeting with this one case, held and validated at once, so it counts like
// any other; the decision and actions reach the case as an RCP decision does (decision 0039).
import { useState, type FormEvent } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import {
  ACI_CRITERIA,
  parisToday,
  shortConcertationPlan,
  type AciCriterion,
  type CatalogueItem,
  type DirectoryMember,
  type FieldError,
} from '@maillage/shared';
import { Field } from '../../../ui/Field';
import { NumberField } from '../../../ui/NumberField';
import { DateField } from '../../../ui/DateField';
import { useWorkspace } from '../../../workspace/WorkspaceContext';
import { meetingTitle } from '../PlanConcertationForm';
import { frenchDay } from '../rcp/dayLabel';
import { caseReference } from '../../patientCase/caseReference';
import { recordShortConcertation } from './recordShortConcertation';
import '../concertationStrings';
import '../rcp/rcpStrings';
import { useDirectory } from '../../directory/DirectoryContext';

interface Props {
  workspaceId: string;
  docId: string;
  doc: Y.Doc;
  /** The case's catalogue entry: its neutral title is the agenda's label. */
  entry: CatalogueItem | undefined;
  team: readonly string[];
  members: readonly DirectoryMember[];
}

interface ActionDraft {
  text: string;
  owner: string;
  due: string;
}

const PARIS_TIME = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' });
const emptyAction: ActionDraft = { text: '', owner: '', due: '' };

export function ShortConcertationPanel({ workspaceId, docId, doc, entry, team, members }: Props) {
  const { t } = useTranslation();
  const { annuaireNow } = useDirectory();
  const workspace = useWorkspace();
  const me = workspace.memberId;
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState(() => parisToday());
  const [start, setStart] = useState(() => PARIS_TIME.format(new Date()));
  const [minutes, setMinutes] = useState('15');
  const [participants, setParticipants] = useState<ReadonlySet<string>>(new Set());
  const [question, setQuestion] = useState('');
  const [criterion, setCriterion] = useState('');
  const [decision, setDecision] = useState('');
  const [actions, setActions] = useState<ActionDraft[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [working, setWorking] = useState(false);
  const [recorded, setRecorded] = useState<string | null>(null);
  const nameOf = (id: string) => members.find((m) => m.memberId === id)?.name ?? t('concertation.unknownMember');
  const others = team.filter((id) => id !== me);
  const err = (field: string) => (errors[field] ? t(errors[field]) : undefined);
  const show = (failed: FieldError[]) =>
    setErrors(
      Object.fromEntries(failed.map((f) => [f.field.startsWith('participants') ? 'participants' : f.field, f.message])),
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const label = entry?.title || t('care.catalogueTitle', { reference: caseReference(docId) });
    const plan = shortConcertationPlan(
      {
        date,
        start,
        minutes: Number(minutes),
        participants: others.filter((id) => participants.has(id)),
        question,
        criterion,
        decision,
        actions: actions.map((a) => ({ text: a.text, owner: a.owner, due: a.due || null })),
      },
      me,
      team,
      { caseId: docId, label, place: t('rcp.short.place') },
      parisToday(),
    );
    if (!plan.ok) return show(plan.errors);
    setWorking(true);
    try {
      const done = await recordShortConcertation(workspace, doc, plan.value, members, await annuaireNow(), {
        title: (m) => `${meetingTitle(t, m)} · ${t('rcp.short.heading')}`,
        decisionTitle: t('rcp.decisionTitle', { date: frenchDay(plan.value.meeting.date) }),
      });
      if (!done.ok) return show(done.errors);
      setErrors({});
      setRecorded(done.value.meetingId);
      setOpen(false);
      setQuestion('');
      setDecision('');
      setActions([]);
      setParticipants(new Set());
    } finally {
      setWorking(false);
    }
  };

  return (
    <section className="card stack no-print rcp-short" aria-labelledby="short-heading">
      <h2 id="short-heading">{t('rcp.short.heading')}</h2>
      <p className="muted">{t('rcp.short.intro')}</p>
      {recorded ? (
        <p role="status" data-testid="short-recorded">
          {t('rcp.short.recorded')}{' '}
          <Link to="/w/$workspaceId/concertations/$docId" params={{ workspaceId, docId: recorded }}>
            {t('rcp.short.open')}
          </Link>
        </p>
      ) : null}
      {!open ? (
        <div>
          <button type="button" onClick={() => setOpen(true)} aria-controls="short-form" aria-expanded={false}>
            {t('rcp.short.start')}
          </button>
        </div>
      ) : (
        <form id="short-form" className="stack" noValidate onSubmit={(e) => void submit(e)}>
          <DateField id="short-date" label={t('rcp.short.date')} value={date} onChange={setDate} error={err('date')} />
          <div className="row wrap">
            <Field id="short-start" label={t('rcp.short.start_time')} error={err('start')}>
              <input id="short-start" type="time" value={start} onChange={(e) => setStart(e.target.value)} />
            </Field>
            <NumberField
              id="short-minutes"
              label={t('rcp.short.minutes')}
              error={err('minutes')}
              min={1}
              max={180}
              value={minutes}
              onChange={setMinutes}
            />
          </div>
          <fieldset
            className="stack tight"
            aria-describedby={errors.participants ? 'short-participants-error' : undefined}
          >
            <legend>{t('rcp.short.participants')}</legend>
            {others.length === 0 ? <p className="muted">{t('rcp.short.noTeam')}</p> : null}
            {others.map((id) => (
              <label key={id} className="check">
                <input
                  type="checkbox"
                  checked={participants.has(id)}
                  onChange={(e) => {
                    const next = new Set(participants);
                    if (e.target.checked) next.add(id);
                    else next.delete(id);
                    setParticipants(next);
                  }}
                />
                {nameOf(id)}
              </label>
            ))}
            {errors.participants ? (
              <p id="short-participants-error" className="error" role="alert">
                {t(errors.participants)}
              </p>
            ) : null}
          </fieldset>
          <Field id="short-question" label={t('rcp.short.question')} error={err('question')}>
            <textarea id="short-question" value={question} onChange={(e) => setQuestion(e.target.value)} rows={2} />
          </Field>
          <Field id="short-criterion" label={t('rcp.short.criterion')} error={err('criterion')}>
            <select id="short-criterion" value={criterion} onChange={(e) => setCriterion(e.target.value)}>
              <option value="">{t('concertation.fields.choose')}</option>
              {ACI_CRITERIA.map((c: AciCriterion) => (
                <option key={c} value={c}>
                  {t(`concertation.criteria.${c}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="short-decision" label={t('rcp.short.decision')} error={err('decision')}>
            <textarea id="short-decision" value={decision} onChange={(e) => setDecision(e.target.value)} rows={3} />
          </Field>
          <fieldset className="stack tight">
            <legend>{t('rcp.actions.heading')}</legend>
            {actions.map((a, i) => (
              <div key={i} className="row wrap">
                <Field id={`short-action-${i}`} label={t('rcp.actions.text')} error={err(`actions.${i}.text`)}>
                  <input
                    id={`short-action-${i}`}
                    value={a.text}
                    onChange={(e) => setActions(actions.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)))}
                  />
                </Field>
                <Field id={`short-owner-${i}`} label={t('rcp.actions.owner')} error={err(`actions.${i}.owner`)}>
                  <select
                    id={`short-owner-${i}`}
                    value={a.owner}
                    onChange={(e) => setActions(actions.map((x, j) => (j === i ? { ...x, owner: e.target.value } : x)))}
                  >
                    <option value="">{t('rcp.actions.noOwner')}</option>
                    {team.map((id) => (
                      <option key={id} value={id}>
                        {nameOf(id)}
                      </option>
                    ))}
                  </select>
                </Field>
                <DateField
                  id={`short-due-${i}`}
                  label={t('rcp.actions.due')}
                  value={a.due}
                  onChange={(due) => setActions(actions.map((x, j) => (j === i ? { ...x, due } : x)))}
                  error={err(`actions.${i}.due`)}
                />
                <button type="button" onClick={() => setActions(actions.filter((_, j) => j !== i))}>
                  {t('rcp.actions.remove')}
                </button>
              </div>
            ))}
            <div>
              <button type="button" onClick={() => setActions([...actions, emptyAction])}>
                {t('rcp.short.addAction')}
              </button>
            </div>
          </fieldset>
          {errors.status || errors.meeting ? (
            <p className="error" role="alert">
              {t(errors.status ?? errors.meeting ?? 'errors.invalid')}
            </p>
          ) : null}
          <div className="row wrap">
            <button type="submit" className="primary" disabled={working}>
              {t('rcp.short.submit')}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              {t('rcp.short.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

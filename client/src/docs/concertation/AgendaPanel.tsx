// The agenda: cases in order, each moved up or down by buttons (keyboard-reachable, the move announced) or taken off
// (undone from the toast), and a form to put a case on it from the coordination files this member can see. Only the
// case's catalogue label is copied.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ACI_CRITERIA,
  type AgendaItem,
  type AgendaItemInput,
  type CatalogueItem,
  type DirectoryMember,
  type FieldError,
} from '@maillage/shared';
import { Field } from '../../ui/Field';
import { Toast, useToast } from '../../ui/Toast';
import { planErrors } from './PlanConcertationForm';

interface Props {
  agenda: AgendaItem[];
  cases: readonly CatalogueItem[];
  members: readonly DirectoryMember[];
  participants: readonly string[];
  me: string;
  editable: boolean;
  /** Whether this member runs the meeting (ticks the cases discussed). */
  bureau: boolean;
  onDiscussed: (id: string, discussed: boolean) => void;
  onAdd: (input: AgendaItemInput) => FieldError[] | null;
  onMove: (id: string, index: number) => void;
  /** Takes the item off; returns what puts it back whole at `index`, or null when refused. */
  onRemove: (item: AgendaItem, index: number) => (() => void) | null;
}

export function AgendaPanel({
  agenda,
  cases,
  members,
  participants,
  me,
  editable,
  bureau,
  onDiscussed,
  onAdd,
  onMove,
  onRemove,
}: Props) {
  const { t } = useTranslation();
  const [announce, setAnnounce] = useState('');
  const nameOf = (id: string) => members.find((m) => m.memberId === id)?.name ?? t('concertation.unknownMember');
  const total = agenda.reduce((sum, i) => sum + i.minutes, 0);
  const move = (item: AgendaItem, index: number) => {
    onMove(item.id, index);
    setAnnounce(t('concertation.agenda.moved', { label: item.label, position: String(index + 1) }));
  };
  const { toast, show, close } = useToast();
  const remove = (item: AgendaItem, index: number) => {
    const undo = onRemove(item, index);
    if (undo)
      show({
        message: t('concertation.agenda.removed', { label: item.label }),
        actionLabel: t('catalogue.undo'),
        action: undo,
        focus: true,
      });
  };

  return (
    <section className="card stack" aria-labelledby="agenda-heading">
      <h2 id="agenda-heading">{t('concertation.agenda.heading')}</h2>
      {agenda.length === 0 ? (
        <p className="empty">{t('concertation.agenda.empty')}</p>
      ) : (
        <>
          <p className="muted">{t('concertation.agenda.total', { count: agenda.length, minutes: String(total) })}</p>
          <ol className="list agenda" aria-labelledby="agenda-heading">
            {agenda.map((item, index) => (
              <li key={item.id} data-testid="agenda-item">
                <span className="stack tight grow">
                  <strong>{t('concertation.agenda.item', { label: item.label, question: item.question })}</strong>
                  <span className="muted">
                    {t('concertation.agenda.itemMeta', {
                      presenter: nameOf(item.presenter),
                      criterion: t(`concertation.criteria.${item.criterion}`),
                      minutes: String(item.minutes),
                    })}
                  </span>
                </span>
                {editable && bureau ? (
                  <label className="check no-print">
                    <input
                      type="checkbox"
                      checked={item.discussed}
                      onChange={(e) => onDiscussed(item.id, e.target.checked)}
                      aria-label={`${t('concertation.agenda.discussed')} : ${item.label}`}
                    />
                    {t('concertation.agenda.discussed')}
                  </label>
                ) : item.discussed ? (
                  <span className="badge">{t('concertation.agenda.discussed')}</span>
                ) : null}
                {item.consentRecordedAt ? <span className="badge">{t('rcp.consent.badge')}</span> : null}
                {item.decisionRecordedAt ? <span className="badge">{t('rcp.recordedBadge')}</span> : null}
                {editable ? (
                  <span className="row no-print">
                    <button
                      type="button"
                      className="ghost small"
                      disabled={index === 0}
                      onClick={() => move(item, index - 1)}
                      aria-label={`${t('concertation.agenda.up')} : ${item.label}`}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="ghost small"
                      disabled={index === agenda.length - 1}
                      onClick={() => move(item, index + 1)}
                      aria-label={`${t('concertation.agenda.down')} : ${item.label}`}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="ghost small"
                      onClick={() => remove(item, index)}
                      aria-label={`${t('concertation.agenda.remove')} : ${item.label}`}
                    >
                      {t('concertation.agenda.remove')}
                    </button>
                  </span>
                ) : null}
              </li>
            ))}
          </ol>
        </>
      )}
      <p className="visually-hidden" role="status">
        {announce}
      </p>
      <Toast toast={toast} onClose={close} />
      {editable ? (
        <AddCaseForm
          cases={cases.filter((c) => !agenda.some((i) => i.caseId === c.docId))}
          anyCase={cases.length > 0}
          members={members.filter((m) => participants.includes(m.memberId))}
          me={me}
          onAdd={onAdd}
        />
      ) : null}
    </section>
  );
}

function AddCaseForm({
  cases,
  anyCase,
  members,
  me,
  onAdd,
}: {
  cases: readonly CatalogueItem[];
  /** Whether this person may open any case at all, on the agenda or not. */
  anyCase: boolean;
  members: readonly DirectoryMember[];
  me: string;
  onAdd: Props['onAdd'];
}) {
  const { t } = useTranslation();
  const empty = { caseId: '', presenter: me, question: '', criterion: '', minutes: '15' };
  // The form was shown and the last case was just added: its heading takes the focus the removed button had.
  const hadForm = useRef(cases.length > 0);
  const focusedIfFormGone = (heading: HTMLHeadingElement | null) => {
    if (heading && hadForm.current) heading.focus();
    hadForm.current = false;
  };
  useEffect(() => {
    if (cases.length > 0) hadForm.current = true;
  }, [cases.length]);
  const [draft, setDraft] = useState(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (field: keyof typeof empty) => (e: { target: { value: string } }) =>
    setDraft({ ...draft, [field]: e.target.value });
  const err = (field: string) => (errors[field] ? t(errors[field]) : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const label = cases.find((c) => c.docId === draft.caseId)?.title ?? '';
    const failed = onAdd({
      caseId: draft.caseId,
      label,
      presenter: draft.presenter,
      question: draft.question,
      criterion: draft.criterion as AgendaItemInput['criterion'],
      minutes: Number(draft.minutes),
    });
    if (failed) {
      const byField = planErrors(failed);
      // An unchosen case fails on its id and its label: one message under the case.
      if (byField.label && !byField.caseId) byField.caseId = byField.label;
      setErrors(byField);
    } else {
      setErrors({});
      setDraft(empty);
    }
  };

  // Nothing left to add: the reason, and no form to fill in vain. Focus was on the form's button: it moves here.
  if (cases.length === 0)
    return (
      <div className="stack no-print">
        <h3 id="agenda-add" tabIndex={-1} ref={focusedIfFormGone}>
          {t('concertation.agenda.add')}
        </h3>
        <p className="muted">{t(anyCase ? 'concertation.agenda.allOnAgenda' : 'concertation.agenda.noCases')}</p>
      </div>
    );
  return (
    <form className="stack no-print" noValidate onSubmit={submit} aria-labelledby="agenda-add">
      <h3 id="agenda-add">{t('concertation.agenda.add')}</h3>
      <Field id="agenda-case" label={t('concertation.agenda.case')} error={err('caseId')}>
        <select id="agenda-case" value={draft.caseId} onChange={set('caseId')}>
          <option value="">{t('concertation.fields.choose')}</option>
          {cases.map((c) => (
            <option key={c.docId} value={c.docId}>
              {c.title}
            </option>
          ))}
        </select>
      </Field>
      <Field id="agenda-presenter" label={t('concertation.agenda.presenter')} error={err('presenter')}>
        <select id="agenda-presenter" value={draft.presenter} onChange={set('presenter')}>
          {members.map((m) => (
            <option key={m.memberId} value={m.memberId}>
              {m.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="agenda-question" label={t('concertation.agenda.question')} error={err('question')}>
        <input id="agenda-question" value={draft.question} onChange={set('question')} maxLength={500} />
      </Field>
      <div className="row wrap">
        <Field id="agenda-criterion" label={t('concertation.agenda.criterion')} error={err('criterion')}>
          <select id="agenda-criterion" value={draft.criterion} onChange={set('criterion')}>
            <option value="">{t('concertation.fields.choose')}</option>
            {ACI_CRITERIA.map((c) => (
              <option key={c} value={c}>
                {t(`concertation.criteria.${c}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="agenda-minutes" label={t('concertation.agenda.minutes')} error={err('minutes')}>
          <input id="agenda-minutes" type="number" min={1} max={180} value={draft.minutes} onChange={set('minutes')} />
        </Field>
      </div>
      <div className="row">
        <button type="submit">{t('concertation.agenda.submit')}</button>
      </div>
    </form>
  );
}

// « Planifier une concertation »: type, Paris day and times, modality with place or link, the bureau and the invited
// members, all from the annuaire. Errors show under their field, in French; nothing is created until all is valid.
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  CONCERTATION_TYPES,
  MODALITIES,
  type DirectoryMember,
  type FieldError,
  type Meeting,
  type NewConcertationInput,
} from '@maillage/shared';
import { Field } from '../../ui/Field';
import { DateField } from '../../ui/DateField';
import { TimeField } from '../../ui/TimeField';
import { formatDate } from '../../i18n';
import { MemberPicker } from '../patientCase/MemberPicker';
import { TeamList } from '../patientCase/TeamList';

interface Draft {
  type: string;
  date: string;
  start: string;
  end: string;
  modality: string;
  place: string;
  link: string;
  coordonnateur: string;
  animateur: string;
  secretaire: string;
}

export const planErrors = (errors: FieldError[]): Record<string, string> => {
  const byField: Record<string, string> = {};
  for (const e of errors) byField[e.field.split('.')[0]!] ??= e.message;
  return byField;
};

interface Props {
  me: string;
  members: readonly DirectoryMember[];
  onSubmit: (input: NewConcertationInput) => Promise<FieldError[] | null>;
  onCancel: () => void;
}

export function PlanConcertationForm({ me, members, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>({
    type: 'rcp_patient',
    date: '',
    start: '12:30',
    end: '14:00',
    modality: 'presentiel',
    place: '',
    link: '',
    coordonnateur: me,
    animateur: me,
    secretaire: '',
  });
  const [invited, setInvited] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  // Keyboard and screen-reader users land on the first field to correct, once the errors are on screen.
  useEffect(() => {
    if (attempt > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);
  const bureau = useMemo(
    () => [draft.coordonnateur, draft.animateur, draft.secretaire].filter(Boolean),
    [draft.coordonnateur, draft.animateur, draft.secretaire],
  );
  const set = (field: keyof Draft) => (e: { target: { value: string } }) =>
    setDraft({ ...draft, [field]: e.target.value });
  const err = (field: string) => (errors[field] ? t(errors[field]) : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const input = {
      ...draft,
      secretaire: draft.secretaire || null,
      participants: invited,
    } as NewConcertationInput;
    const failed = await onSubmit(input);
    setBusy(false);
    if (failed) {
      setErrors({ ...planErrors(failed), form: 'concertation.form.invalid' });
      setAttempt((n) => n + 1);
    }
  };

  const memberSelect = (field: 'coordonnateur' | 'animateur' | 'secretaire', optional: boolean) => (
    <Field id={`plan-${field}`} label={t(`concertation.fields.${field}`)} error={err(field)}>
      <select id={`plan-${field}`} value={draft[field]} onChange={set(field)}>
        <option value="">{t(optional ? 'concertation.fields.nobody' : 'concertation.fields.choose')}</option>
        {members.map((m) => (
          <option key={m.memberId} value={m.memberId}>
            {m.name} ({t(`professions.${m.profession}`)})
          </option>
        ))}
      </select>
    </Field>
  );

  return (
    <form
      ref={form}
      className="card stack"
      noValidate
      onSubmit={(e) => void submit(e)}
      aria-labelledby="plan-concertation-title"
    >
      <h2 id="plan-concertation-title">{t('concertation.plan')}</h2>
      <Field id="plan-type" label={t('concertation.fields.type')} error={err('type')}>
        <select id="plan-type" value={draft.type} onChange={set('type')}>
          {CONCERTATION_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`concertation.types.${type}`)}
            </option>
          ))}
        </select>
      </Field>
      <div className="row wrap">
        <DateField
          id="plan-date"
          label={t('concertation.fields.date')}
          value={draft.date}
          onChange={(date) => setDraft({ ...draft, date })}
          error={err('date')}
        />
        <TimeField
          id="plan-start"
          label={t('concertation.fields.start')}
          value={draft.start}
          onChange={(start) => setDraft({ ...draft, start })}
          error={err('start')}
        />
        <TimeField
          id="plan-end"
          label={t('concertation.fields.end')}
          value={draft.end}
          onChange={(end) => setDraft({ ...draft, end })}
          error={err('end')}
        />
      </div>
      <Field id="plan-modality" label={t('concertation.fields.modality')} error={err('modality')}>
        <select id="plan-modality" value={draft.modality} onChange={set('modality')}>
          {MODALITIES.map((m) => (
            <option key={m} value={m}>
              {t(`concertation.modalities.${m}`)}
            </option>
          ))}
        </select>
      </Field>
      {draft.modality !== 'visio' ? (
        <Field id="plan-place" label={t('concertation.fields.place')} error={err('place')}>
          <input id="plan-place" value={draft.place} onChange={set('place')} maxLength={200} />
        </Field>
      ) : null}
      {draft.modality !== 'presentiel' ? (
        <Field id="plan-link" label={t('concertation.fields.link')} error={err('link')}>
          <input id="plan-link" type="url" value={draft.link} onChange={set('link')} placeholder="https://" />
        </Field>
      ) : null}
      {memberSelect('coordonnateur', false)}
      {memberSelect('animateur', false)}
      {memberSelect('secretaire', true)}
      <section className="stack" aria-labelledby="plan-participants">
        <h3 id="plan-participants">{t('concertation.fields.participants')}</h3>
        <p className="muted">{t('concertation.form.participantsHint')}</p>
        <TeamList
          label={t('concertation.fields.participants')}
          memberIds={invited}
          owner={null}
          me={me}
          members={members}
          onRemove={(id) => setInvited(invited.filter((m) => m !== id))}
          removeLabel={(name) => t('concertation.form.uninvite', { name })}
        />
        <MemberPicker
          id="plan-participant-search"
          members={members}
          exclude={[...bureau, ...invited]}
          onPick={(m) => setInvited([...invited, m.memberId])}
          addLabel={(name) => t('concertation.form.invite', { name })}
        />
        {errors.participants ? (
          <p className="error" role="alert">
            {t(errors.participants)}
          </p>
        ) : null}
      </section>
      {errors.form ? (
        <p className="error" role="alert">
          {t(errors.form)}
        </p>
      ) : null}
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('concertation.form.creating') : t('concertation.form.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('concertation.form.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The catalogue title: kind, type and day, in French (it is shared: never a patient). */
export const meetingTitle = (t: TFunction, meeting: Meeting) =>
  t('concertation.catalogueTitle', {
    type: t(`concertation.types.${meeting.type}`),
    date: formatDate(`${meeting.date}T12:00:00Z`, false),
  });

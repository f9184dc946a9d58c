// Activating the plan: the typology, who qualified the crisis (DG ARS, préfet, ministre), their reference and when.
// Errors come back from the shared layout, under their field; nothing is written when one is refused.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CRISIS_AUTHORITIES,
  CRISIS_TYPOLOGIES,
  type ActivationInput,
  type CrisisAuthority,
  type CrisisTypology,
  type FieldError,
} from '@maillage/shared';
import { ChoiceGroup } from '../adverseEvent/ChoiceGroup';
import { DateField } from '../../ui/DateField';
import { TimeField } from '../../ui/TimeField';
import { Field } from '../../ui/Field';
import { nowFields, parisInstant } from '../adverseEvent/eventTime';

export function ActivateForm({ onSubmit }: { onSubmit: (input: ActivationInput) => Promise<FieldError[] | null> }) {
  const { t } = useTranslation();
  const [typology, setTypology] = useState<CrisisTypology | null>(null);
  const [authority, setAuthority] = useState<CrisisAuthority | null>(null);
  const [reference, setReference] = useState('');
  const [exercise, setExercise] = useState(false);
  const [scenario, setScenario] = useState('');
  const [when, setWhen] = useState(nowFields);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const errorOf = (field: string) => {
    const e = errors.find((x) => x.field === field);
    return e ? t(e.message) : false;
  };

  const submit = async () => {
    setBusy(true);
    const input = {
      typology: typology ?? undefined,
      authority: authority ?? undefined,
      reference,
      exercise,
      scenario: exercise ? scenario : '',
      qualifiedAt: parisInstant(when.day, when.time) ?? '',
    } as ActivationInput;
    const refused = await onSubmit(input);
    setBusy(false);
    setErrors(refused ?? []);
  };

  return (
    <form
      className="stack card"
      aria-labelledby="crisis-activate-heading"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id="crisis-activate-heading">{t('crisis.activate.heading')}</h2>
      <ChoiceGroup
        name="crisis-typology"
        legend={t('crisis.activate.typology')}
        stacked
        options={CRISIS_TYPOLOGIES.map((value) => ({ value, label: t(`crisis.typologies.${value}`) }))}
        selected={typology}
        onChange={(value) => setTypology(value)}
        error={errorOf('typology')}
      />
      <ChoiceGroup
        name="crisis-authority"
        legend={t('crisis.activate.authority')}
        options={CRISIS_AUTHORITIES.map((value) => ({ value, label: t(`crisis.authorities.${value}`) }))}
        selected={authority}
        onChange={(value) => setAuthority(value)}
        error={errorOf('authority')}
      />
      <Field
        id="crisis-reference"
        label={t('crisis.activate.reference')}
        hint={t('crisis.activate.referenceHint')}
        error={errorOf('reference')}
      >
        <input id="crisis-reference" value={reference} onChange={(e) => setReference(e.target.value)} />
      </Field>
      <label className="row">
        <input type="checkbox" checked={exercise} onChange={(e) => setExercise(e.target.checked)} />{' '}
        {t('crisis.exercise.flag')}
      </label>
      {exercise ? (
        <Field id="crisis-scenario" label={t('crisis.exercise.scenario')} error={errorOf('scenario')}>
          <textarea id="crisis-scenario" rows={3} value={scenario} onChange={(e) => setScenario(e.target.value)} />
        </Field>
      ) : null}
      <div className="row wrap">
        <DateField
          id="crisis-day"
          label={t('crisis.activate.day')}
          value={when.day}
          onChange={(day) => setWhen({ ...when, day })}
        />
        <TimeField
          id="crisis-time"
          label={t('crisis.activate.time')}
          value={when.time}
          onChange={(time) => setWhen({ ...when, time })}
          error={errorOf('qualifiedAt')}
        />
      </div>
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          {t('crisis.activate.submit')}
        </button>
      </div>
    </form>
  );
}

// Adding a row to one of the plan's lists (a crisis cell member, a place, an action): its fields, checked as a whole
// when added; a refused row shows each field's French error and adds nothing.
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Validated } from '@maillage/shared';
import { Field } from '../../ui/Field';

export interface RowField {
  key: string;
  label: string;
  hint?: string;
  type?: 'text' | 'tel' | 'number';
}

export function RowForm({
  id,
  fields,
  submitLabel,
  onAdd,
  extra,
  toInput = (values) => values,
}: {
  id: string;
  fields: readonly RowField[];
  submitLabel: string;
  onAdd: (input: Record<string, unknown>) => Validated<unknown>;
  /** More controls (typology boxes), given their current values. */
  extra?: ReactNode;
  toInput?: (values: Record<string, string>) => Record<string, unknown>;
}) {
  const { t } = useTranslation();
  const empty = Object.fromEntries(fields.map((f) => [f.key, '']));
  const [values, setValues] = useState<Record<string, string>>(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = onAdd(toInput(values));
    if (!result.ok) return setErrors(Object.fromEntries(result.errors.map((e) => [e.field.split('.')[0], e.message])));
    setValues(empty);
    setErrors({});
  };
  return (
    <form className="row-form" onSubmit={submit} noValidate aria-label={submitLabel}>
      {fields.map((f) => (
        <Field
          key={f.key}
          id={`${id}-${f.key}`}
          label={f.label}
          hint={f.hint}
          error={errors[f.key] ? t(errors[f.key]!) : undefined}
        >
          <input
            id={`${id}-${f.key}`}
            type={f.type ?? 'text'}
            inputMode={f.type === 'number' ? 'numeric' : undefined}
            value={values[f.key] ?? ''}
            onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}
          />
        </Field>
      ))}
      {extra}
      <button type="submit" className="small">
        {submitLabel}
      </button>
    </form>
  );
}

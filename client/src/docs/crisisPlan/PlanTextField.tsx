// A field of the plan written as it is typed: each change is checked and written (colleagues see it at once), a
// refused one shows its French error and writes nothing. A colleague's change shows when this field is not in use.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Validated } from '@maillage/shared';
import { Field } from '../../ui/Field';

interface Props {
  id: string;
  label: string;
  hint?: string;
  value: string;
  readOnly: boolean;
  multiline?: boolean;
  type?: 'text' | 'tel' | 'url' | 'number';
  onSave: (value: string) => Validated<unknown>;
}

export function PlanTextField({ id, label, hint, value, readOnly, multiline, type = 'text', onSave }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current) setDraft(value);
  }, [value]);
  const change = (next: string) => {
    setDraft(next);
    const result = onSave(next);
    setError(result.ok ? null : (result.errors[0]?.message ?? 'errors.invalid'));
  };
  const common = {
    id,
    value: draft,
    readOnly,
    onFocus: () => void (focused.current = true),
    onBlur: () => {
      focused.current = false;
      if (!error) setDraft(value);
    },
  };
  return (
    <Field id={id} label={label} hint={hint} error={error ? t(error) : undefined}>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => change(e.target.value)} />
      ) : (
        <input {...common} type={type} onChange={(e) => change(e.target.value)} />
      )}
    </Field>
  );
}

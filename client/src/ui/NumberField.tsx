// A labelled whole-number input with its bounds; the value stays the text typed, checked by the form's schema.
import { Field } from './Field';

export function NumberField({
  id,
  label,
  error,
  min,
  max,
  value,
  onChange,
}: {
  id: string;
  label: string;
  error?: string | false | undefined;
  min: number;
  max: number;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field id={id} label={label} error={error}>
      <input id={id} type="number" min={min} max={max} value={value} onChange={(e) => onChange(e.target.value)} />
    </Field>
  );
}

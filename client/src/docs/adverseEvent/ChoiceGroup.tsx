// A question answered in one tap: native radios or checkboxes in a fieldset, drawn as large chips for a thumb.
import type { ReactNode } from 'react';

interface Props<T extends string> {
  name: string;
  legend: string;
  hint?: string;
  options: readonly { value: T; label: ReactNode }[];
  /** One value (radios) or several (checkboxes). */
  selected: T | null | readonly T[];
  onChange: (value: T, checked: boolean) => void;
  error?: string | false;
  stacked?: boolean;
}

export function ChoiceGroup<T extends string>({
  name,
  legend,
  hint,
  options,
  selected,
  onChange,
  error,
  stacked,
}: Props<T>) {
  const multiple = Array.isArray(selected);
  const isOn = (value: T) => (multiple ? (selected as readonly T[]).includes(value) : selected === value);
  const errorId = `${name}-error`;
  const hintId = `${name}-hint`;
  return (
    <fieldset
      className={stacked ? 'plain choice-group stacked' : 'plain choice-group'}
      aria-describedby={[hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p id={hintId} className="muted small field-hint">
          {hint}
        </p>
      ) : null}
      <div className="choice-chips">
        {options.map((option) => (
          <label key={option.value} className={isOn(option.value) ? 'choice-chip on' : 'choice-chip'}>
            <input
              type={multiple ? 'checkbox' : 'radio'}
              name={name}
              value={option.value}
              checked={isOn(option.value)}
              onChange={(e) => onChange(option.value, e.target.checked)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {error ? (
        <p id={errorId} className="error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

// A table cell of the plan edited in place (an action's « qui », a place's capacity): written as typed, checked as a
// whole row; a refused value shows its French error under the cell and writes nothing.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Validated } from '@maillage/shared';

interface Props {
  id: string;
  /** The accessible name: the column and the row (« Qui, action Appeler les patients isolés »). */
  label: string;
  value: string;
  type?: 'text' | 'tel' | 'number';
  /** The row's main text (an action's « quoi »): given more room. */
  wide?: boolean;
  onSave: (value: string) => Validated<unknown>;
}

export function CellInput({ id, label, value, type = 'text', wide = false, onSave }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current) setDraft(value);
  }, [value]);
  return (
    <>
      <input
        id={id}
        className={wide ? 'cell-input wide' : 'cell-input'}
        aria-label={label}
        type={type}
        inputMode={type === 'number' ? 'numeric' : undefined}
        value={draft}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onFocus={() => void (focused.current = true)}
        onBlur={() => {
          focused.current = false;
          if (!error) setDraft(value);
        }}
        onChange={(e) => {
          setDraft(e.target.value);
          const result = onSave(e.target.value);
          setError(result.ok ? null : (result.errors[0]?.message ?? 'errors.invalid'));
        }}
      />
      {error ? (
        <span id={`${id}-error`} className="error small" role="alert">
          {t(error)}
        </span>
      ) : null}
    </>
  );
}

// A labelled form control with its error message where it happens (linked for screen readers).
import { cloneElement, isValidElement, type ReactElement, type ReactNode } from 'react';

interface FieldProps {
  id: string;
  label: string;
  error?: string | false | undefined;
  children: ReactNode;
}

export function Field({ id, label, error, children }: FieldProps) {
  const errorId = `${id}-error`;
  const control = isValidElement(children)
    ? cloneElement(children as ReactElement<Record<string, unknown>>, {
        'aria-invalid': error ? true : undefined,
        'aria-describedby': error ? errorId : undefined,
      })
    : children;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {control}
      {error ? (
        <p id={errorId} className="error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

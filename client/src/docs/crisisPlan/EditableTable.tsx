// A table of the plan whose cells are edited in place (the cell, the places, a sheet's actions): read-only rows as
// text, editable ones as CellInputs checked row by row, each row with its remove button.
import type { ReactNode } from 'react';
import type { Validated } from '@maillage/shared';
import { CellInput } from './CellInput';

export interface EditableColumn<R> {
  key: keyof R & string;
  label: string;
  type?: 'text' | 'tel' | 'number';
  /** The row's main text: given more room. */
  wide?: boolean;
}

interface Props<R extends { id: string }> {
  /** Prefix of each cell input's id: `<idPrefix>-<row id>-<column>`. */
  idPrefix: string;
  caption: string;
  empty: string;
  rows: readonly R[];
  columns: readonly EditableColumn<R>[];
  /** A column shown as text after the edited ones (a place's typologies). */
  shown?: { label: string; cell: (row: R) => ReactNode };
  readOnly: boolean;
  cellLabel: (column: string, row: R) => string;
  onSave: (row: R, key: keyof R & string, value: string) => Validated<unknown>;
  removeLabel: (row: R) => string;
  onRemove: (row: R) => void;
}

export function EditableTable<R extends { id: string }>(props: Props<R>) {
  const { rows, columns, shown, readOnly } = props;
  if (rows.length === 0) return <p className="empty">{props.empty}</p>;
  return (
    <div className="table-scroll">
      <table className="plan-table">
        <caption className="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col">
                {c.label}
              </th>
            ))}
            {shown ? <th scope="col">{shown.label}</th> : null}
            {readOnly ? null : <td />}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              {columns.map((c) => {
                const value = String(row[c.key] ?? '');
                return (
                  <td key={c.key}>
                    {readOnly ? (
                      value
                    ) : (
                      <CellInput
                        id={`${props.idPrefix}-${row.id}-${c.key}`}
                        label={props.cellLabel(c.label, row)}
                        value={value}
                        type={c.type}
                        wide={c.wide}
                        onSave={(next) => props.onSave(row, c.key, next)}
                      />
                    )}
                  </td>
                );
              })}
              {shown ? <td>{shown.cell(row)}</td> : null}
              {readOnly ? null : (
                <td className="no-print">
                  <button
                    type="button"
                    className="ghost small"
                    aria-label={props.removeLabel(row)}
                    onClick={() => props.onRemove(row)}
                  >
                    ✕
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// A table of the plan whose cells are edited in place (the cell, the places, a sheet's actions): read-only rows as
// text, editable ones as CellInputs checked row by row, each row with its remove button, which asks first and can be
// undone.
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Validated } from '@maillage/shared';
import { Toast, useToast } from '../../ui/Toast';
import { CellInput } from './CellInput';

const ConfirmDialog = lazy(() => import('../../ui/ConfirmDialog'));

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
  /** What the row is called in a sentence (a member's name, an action's « quoi »). */
  rowName: (row: R) => string;
  removeLabel: (row: R) => string;
  /** Removes the row; returns what puts it back. */
  onRemove: (row: R) => (() => void) | null;
}

export function EditableTable<R extends { id: string }>(props: Props<R>) {
  const { t } = useTranslation();
  const { rows, columns, shown, readOnly } = props;
  const [removing, setRemoving] = useState<R | null>(null);
  const { toast, show, close } = useToast();
  const removeNow = (row: R) => {
    setRemoving(null);
    const undo = props.onRemove(row);
    if (undo)
      show({
        message: t('crisisPlan.rowRemoved', { name: props.rowName(row) }),
        actionLabel: t('catalogue.undo'),
        action: undo,
        focus: true,
      });
  };
  const dialogs = (
    <>
      {removing ? (
        <Suspense fallback={null}>
          <ConfirmDialog
            title={t('crisisPlan.rowRemoveTitle', { name: props.rowName(removing) })}
            confirmLabel={t('crisisPlan.rowRemoveButton')}
            danger
            onConfirm={() => removeNow(removing)}
            onCancel={() => setRemoving(null)}
          >
            <p>{t('crisisPlan.rowRemoveText')}</p>
          </ConfirmDialog>
        </Suspense>
      ) : null}
      <Toast toast={toast} onClose={close} />
    </>
  );
  if (rows.length === 0)
    return (
      <>
        <p className="empty">{props.empty}</p>
        {dialogs}
      </>
    );
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
                    onClick={() => setRemoving(row)}
                  >
                    ✕
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {dialogs}
    </div>
  );
}

// One of the protocol's tables (steps, references, indicators), co-edited live: every text cell bound to its
// Y.Text, rows added, moved and removed by anyone who may write; a removal asks first and can be undone. On a phone
// each row is a card, its cells one under the other.
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import {
  addRow,
  moveRow,
  observeRows,
  readRows,
  removeRow,
  rowText,
  setRowChoice,
  type Row,
  type RowKind,
} from '@maillage/shared';
import { useDocValue } from '../../../sync/useDocValue';
import { CollabText } from '../../../ui/CollabText';
import { Toast, useToast } from '../../../ui/Toast';

const ConfirmDialog = lazy(() => import('../../../ui/ConfirmDialog'));

export interface Column {
  field: string;
  label: string;
  /** For a choice field: its values and their labels. */
  options?: { value: string; label: string }[];
}

interface RowsTableProps {
  doc: Y.Doc;
  kind: RowKind;
  columns: Column[];
  caption: string;
  /** The word for one row, in "Ajouter une étape", "Supprimer l'étape 3". */
  rowName: string;
  canWrite: boolean;
  numbered?: boolean;
}

const hasContent = (row: Row) => Object.values(row.texts).some((t) => t.trim() !== '');

/** A cell bound to its text; a row written by an older or broken client may lack one: shown empty, not a crash. */
function Cell({ text, ...props }: { text: Y.Text | null; label: string; readOnly: boolean; maxLength: number }) {
  return text ? (
    <CollabText text={text} {...props} />
  ) : (
    <textarea className="collab-text" aria-label={props.label} rows={1} readOnly value="" />
  );
}

export function RowsTable({ doc, kind, columns, caption, rowName, canWrite, numbered = false }: RowsTableProps) {
  const { t } = useTranslation();
  const rows = useDocValue(
    doc,
    (d) => readRows(d, kind),
    (d, cb) => observeRows(d, kind, cb),
  );
  const { toast, show, close } = useToast();
  const [removing, setRemoving] = useState<{ id: string; index: number } | null>(null);

  const remove = (id: string, index: number) => {
    // Read at the click: the list above is re-read on rows added or moved, not on every keystroke in a cell.
    const row = readRows(doc, kind).find((r) => r.id === id);
    if (!row) return;
    if (hasContent(row)) return setRemoving({ id, index });
    removeNow(id, index);
  };
  /** Removes a row; undo puts it back where it was, as it was, and its button takes the focus the ✕ had. */
  const removeNow = (id: string, index: number) => {
    setRemoving(null);
    const row = readRows(doc, kind).find((r) => r.id === id);
    if (!row) return;
    removeRow(doc, kind, row.id);
    show({
      message: t('tables.removed', { row: rowName, n: index + 1 }),
      actionLabel: t('catalogue.undo'),
      action: () => void addRow(doc, kind, { ...row.texts, ...row.choices }, index),
      focus: true,
    });
  };
  /** Moves a row, and keeps the focus on it: the arrow just used may be disabled at its new place. */
  const move = (id: string, to: number) => {
    moveRow(doc, kind, id, to);
    requestAnimationFrame(() => {
      const buttons = [...document.querySelectorAll<HTMLButtonElement>(`[data-row="${CSS.escape(id)}"] .move`)];
      if (!buttons.some((b) => b === document.activeElement && !b.disabled)) buttons.find((b) => !b.disabled)?.focus();
    });
  };

  return (
    <div className="table-wrap">
      {/* An empty table prints as its « no row yet » line alone, and no control prints. */}
      <table className={rows.length === 0 ? 'rows-table cards-on-phone no-print' : 'rows-table cards-on-phone'}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {numbered ? (
              <th scope="col" className="num">
                {t('tables.order')}
              </th>
            ) : null}
            {columns.map((c) => (
              <th key={c.field} scope="col">
                {c.label}
              </th>
            ))}
            {canWrite ? (
              <th scope="col" className="actions no-print">
                <span className="visually-hidden">{t('tables.actions')}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={row.id} data-row={row.id}>
              {numbered ? (
                <td className="num">
                  <span className="card-only" aria-hidden="true">
                    {rowName}{' '}
                  </span>
                  {index + 1}
                </td>
              ) : null}
              {columns.map((c) => (
                <td key={c.field}>
                  {/* On a phone each row is a card: its cells say which column they are (the inputs keep their labels). */}
                  <span className="cell-label" aria-hidden="true">
                    {c.label}
                  </span>
                  {c.options ? (
                    <select
                      aria-label={`${c.label} (${rowName} ${index + 1})`}
                      value={row.choices[c.field]}
                      disabled={!canWrite}
                      onChange={(e) => setRowChoice(doc, kind, row.id, c.field, e.target.value)}
                    >
                      {c.options.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <Cell
                      text={rowText(doc, kind, row.id, c.field)}
                      label={`${c.label} (${rowName} ${index + 1})`}
                      readOnly={!canWrite}
                      maxLength={kind.maxLength}
                    />
                  )}
                </td>
              ))}
              {canWrite ? (
                <td className="actions no-print">
                  <button
                    type="button"
                    className="ghost small move"
                    disabled={index === 0}
                    aria-label={t('tables.up', { row: rowName, n: index + 1 })}
                    onClick={() => move(row.id, index - 1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="ghost small move"
                    disabled={index === rows.length - 1}
                    aria-label={t('tables.down', { row: rowName, n: index + 1 })}
                    onClick={() => move(row.id, index + 1)}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="ghost small"
                    aria-label={t('tables.remove', { row: rowName, n: index + 1 })}
                    onClick={() => remove(row.id, index)}
                  >
                    ✕
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 ? <p className="empty">{t('tables.empty')}</p> : null}
      {canWrite ? (
        <button
          type="button"
          className="small no-print"
          onClick={() => addRow(doc, kind)}
          disabled={rows.length >= kind.maxRows}
        >
          {t('tables.add', { row: rowName })}
        </button>
      ) : null}
      {removing ? (
        <Suspense fallback={null}>
          <ConfirmDialog
            title={t('tables.confirmRemoveTitle', { row: rowName, n: removing.index + 1 })}
            confirmLabel={t('tables.confirmRemoveButton')}
            danger
            onConfirm={() => removeNow(removing.id, removing.index)}
            onCancel={() => setRemoving(null)}
          >
            <p>{t('tables.confirmRemove')}</p>
          </ConfirmDialog>
        </Suspense>
      ) : null}
      <Toast toast={toast} onClose={close} />
    </div>
  );
}

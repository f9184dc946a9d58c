// The steps table as CSV (ordre, délai, qui, quoi, où, comment, pourquoi, outils), for a spreadsheet or a checklist.
import type * as Y from 'yjs';
import { readRows, STEP_FIELDS, STEPS, type StepField } from '@maillage/shared';
import { toCsv } from '../../../ui/csv';

export function stepsCsv(doc: Y.Doc, headers: { order: string } & Record<StepField, string>): string {
  const rows = readRows(doc, STEPS);
  return toCsv([
    [headers.order, ...STEP_FIELDS.map((f) => headers[f])],
    ...rows.map((row, i) => [String(i + 1), ...STEP_FIELDS.map((f) => row.texts[f])]),
  ]);
}

// The register as its reader narrows it: by status, category (« à qualifier » for rows not coded yet) and severity,
// newest, oldest or most severe first; and the same rows as a spreadsheet's, still without reporter or narrative.
import type { EventCategory, RegisterRow, ReportStatus, Severity } from '@maillage/shared';

export interface RegisterFilter {
  status: ReportStatus | '';
  /** `uncoded`: the rows no référent has categorised yet. */
  category: EventCategory | 'uncoded' | '';
  severity: Severity | 0;
}
export const WHOLE_REGISTER: RegisterFilter = { status: '', category: '', severity: 0 };

export type RegisterSort = 'recent' | 'oldest' | 'severity';
export const REGISTER_SORTS: readonly RegisterSort[] = ['recent', 'oldest', 'severity'];

const matches = (row: RegisterRow, { status, category, severity }: RegisterFilter) =>
  (!status || row.status === status) &&
  (!category || (category === 'uncoded' ? row.category === null : row.category === category)) &&
  (!severity || row.severity === severity);

/** `rows` come newest first (sortRegister); the other orders keep that one among equals. */
export function registerView(rows: readonly RegisterRow[], filter: RegisterFilter, sort: RegisterSort): RegisterRow[] {
  const shown = rows.filter((row) => matches(row, filter));
  if (sort === 'oldest') return shown.reverse();
  if (sort === 'severity') return shown.sort((a, b) => b.severity - a.severity);
  return shown;
}

/** What a column says of a row, in the reader's language. */
export interface RegisterLabels {
  header: readonly string[];
  category: (row: RegisterRow) => string;
  severity: (row: RegisterRow) => string;
  status: (row: RegisterRow) => string;
  nature: (row: RegisterRow) => string;
  eigs: (row: RegisterRow) => string;
}

/** The rows as shown, one line each: day (jj/mm/aaaa), category, severity, status, nature, EIGS. */
export function registerCsvRows(rows: readonly RegisterRow[], labels: RegisterLabels): string[][] {
  return [
    [...labels.header],
    ...rows.map((row) => [
      row.day.split('-').reverse().join('/'),
      labels.category(row),
      labels.severity(row),
      labels.status(row),
      labels.nature(row),
      labels.eigs(row),
    ]),
  ];
}

// The order a list of reports is read in: by the day of the event (newest or oldest first), or by status in the
// workflow's order (« déclaré » first, what waits on a référent), newest first among equals.
import { REPORT_STATUSES, type ReportStatus } from '@maillage/shared';

export type ReportSort = 'recent' | 'oldest' | 'status';
export const REPORT_SORTS: readonly ReportSort[] = ['recent', 'oldest', 'status'];

interface Sortable {
  report: { occurredAt: string; status: ReportStatus };
}

const newestFirst = (a: Sortable, b: Sortable) => b.report.occurredAt.localeCompare(a.report.occurredAt);
const workflowStep = (item: Sortable) => REPORT_STATUSES.indexOf(item.report.status);

export function sortReports<T extends Sortable>(items: readonly T[], sort: ReportSort): T[] {
  const sorted = [...items].sort(newestFirst);
  if (sort === 'oldest') return sorted.reverse();
  if (sort === 'status') return sorted.sort((a, b) => workflowStep(a) - workflowStep(b));
  return sorted;
}

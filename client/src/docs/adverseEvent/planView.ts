// Which actions of the quality plan a member reads, and in what order: all or one status, all or only theirs; by the
// nearest deadline (what is done last), or by status in its order (« à faire » first).
import { PLAN_ACTION_STATUSES, type PlanAction, type PlanActionStatus } from '@maillage/shared';

export type PlanSort = 'due' | 'status';
export const PLAN_SORTS: readonly PlanSort[] = ['due', 'status'];

export interface PlanFilter {
  status: PlanActionStatus | '';
  onlyMine: boolean;
  sort: PlanSort;
}

export const ALL_PLAN: PlanFilter = { status: '', onlyMine: false, sort: 'due' };

const step = (a: PlanAction) => PLAN_ACTION_STATUSES.indexOf(a.status);
const byDue = (a: PlanAction, b: PlanAction) => a.due.localeCompare(b.due) || a.action.localeCompare(b.action, 'fr');
const doneLast = (a: PlanAction, b: PlanAction) => Number(a.status === 'fait') - Number(b.status === 'fait');

export function planView(plan: readonly PlanAction[], filter: PlanFilter, me: string): PlanAction[] {
  const shown = plan.filter(
    (a) => (!filter.status || a.status === filter.status) && (!filter.onlyMine || a.owner === me),
  );
  const order = filter.sort === 'status' ? (a: PlanAction, b: PlanAction) => step(a) - step(b) || byDue(a, b) : byDue;
  return shown.sort((a, b) => (filter.sort === 'due' ? doneLast(a, b) : 0) || order(a, b));
}

// The crisis plan behind an activation: the one in force (or the furthest along), for the alert chain's delay before
// the alert goes to the next group, and the typology sheet's actions offered as tasks. Null while there is none here.
import { useMemo } from 'react';
import {
  listSheetActions,
  readAlertChain,
  cellMembers,
  type CatalogueItem,
  type CrisisTypology,
  type EscalationRule,
} from '@maillage/shared';
import { useSyncedDoc } from '../../sync/useSyncedDoc';

const ORDER = ['actif', 'valide', 'transmis', 'brouillon'];
/** Without a plan (or a cell in it): the alert chain's own default delay, and three available members are enough. */
const DEFAULT_RULE: EscalationRule = { delayMinutes: 30, enough: 3 };

export interface PlanForCrisis {
  rule: EscalationRule;
  /** The sheet's actions of the typology: « what », to be given as tasks. */
  sheetActions: string[];
}

export function usePlanForCrisis(
  workspaceId: string,
  items: readonly CatalogueItem[],
  typology: CrisisTypology | null,
  version: unknown,
): PlanForCrisis {
  const plan = useMemo(
    () =>
      items
        .filter((i) => i.kind === 'crisisPlan' && !i.deletedAt && ORDER.includes(i.status))
        .sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status))[0] ?? null,
    [items],
  );
  // A hook cannot be skipped: without a plan the workspace's catalogue stands in (it has no alert chain).
  const opened = useSyncedDoc(workspaceId, plan?.docId ?? 'catalogue');
  return useMemo(() => {
    void version;
    if (!plan || !opened) return { rule: DEFAULT_RULE, sheetActions: [] };
    const chain = readAlertChain(opened.doc);
    const cell = cellMembers.list(opened.doc).length;
    return {
      rule: {
        delayMinutes: chain.escalationMinutes ?? DEFAULT_RULE.delayMinutes,
        enough: cell > 0 ? cell : DEFAULT_RULE.enough,
      },
      sheetActions: typology ? listSheetActions(opened.doc, typology).map((a) => a.what) : [],
    };
  }, [plan, opened, typology, version]);
}

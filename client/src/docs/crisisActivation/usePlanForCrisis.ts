// The crisis plan behind an activation: the one in force (or the furthest along), for its SSE référents (who may
// activate and raise the crisis), the alert chain's delay before the alert goes to the next group, who the suppléants
// are, and the typology sheet's actions offered as tasks. Defaults while there is none here.
import { useMemo } from 'react';
import {
  listSheetActions,
  readAlertChain,
  readGovernance,
  cellMembers,
  type CatalogueItem,
  type CrisisTypology,
  type EscalationRule,
} from '@maillage/shared';
import { useSyncedDoc } from '../../sync/useSyncedDoc';
import { useDocRevision } from '../../sync/useDocRevision';

const ORDER = ['actif', 'valide', 'transmis', 'brouillon'];
/** Without a plan (or a cell in it): the alert chain's own default delay, and three available members are enough. */
const DEFAULT_RULE: EscalationRule = { delayMinutes: 30, enough: 3 };

export interface PlanForCrisis {
  rule: EscalationRule;
  /** The sheet's actions of the typology: « what », to be given as tasks. */
  sheetActions: string[];
  /** The plan's SSE référents, titulaire and suppléant: they activate and raise the crisis as a coordinator does. */
  referents: string[];
  /** Who the alert reaches when it goes on to « les suppléants »: the plan's suppléant référent. */
  suppleants: string[];
}

const NO_PLAN: PlanForCrisis = { rule: DEFAULT_RULE, sheetActions: [], referents: [], suppleants: [] };

/** The plan in force, or else the one furthest along: the one a crisis follows. */
export const planInForce = (items: readonly CatalogueItem[]): CatalogueItem | null =>
  items
    .filter((i) => i.kind === 'crisisPlan' && !i.deletedAt && ORDER.includes(i.status))
    .sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status))[0] ?? null;

export function usePlanForCrisis(
  workspaceId: string,
  items: readonly CatalogueItem[],
  typology: CrisisTypology | null,
  version: unknown,
): PlanForCrisis {
  const plan = useMemo(() => planInForce(items), [items]);
  // A hook cannot be skipped: without a plan the workspace's catalogue stands in (it has no alert chain).
  const opened = useSyncedDoc(workspaceId, plan?.docId ?? 'catalogue');
  // The plan's référents may arrive from the relay after it is opened, or change: read again when it does.
  const revision = useDocRevision(plan ? (opened?.doc ?? null) : null);
  return useMemo(() => {
    void version;
    void revision;
    if (!plan || !opened) return NO_PLAN;
    const chain = readAlertChain(opened.doc);
    const { referentTitulaire, referentSuppleant } = readGovernance(opened.doc);
    const cell = cellMembers.list(opened.doc).length;
    return {
      rule: {
        delayMinutes: chain.escalationMinutes ?? DEFAULT_RULE.delayMinutes,
        enough: cell > 0 ? cell : DEFAULT_RULE.enough,
      },
      sheetActions: typology ? listSheetActions(opened.doc, typology).map((a) => a.what) : [],
      referents: [referentTitulaire, referentSuppleant].filter((m): m is string => m !== null),
      suppleants: referentSuppleant ? [referentSuppleant] : [],
    };
  }, [plan, opened, typology, version, revision]);
}

// The quality plan from the governance document, kept current.
import { useEffect, useState } from 'react';
import { observeQualityPlan, readQualityPlan, type PlanAction } from '@maillage/shared';
import { useGroups } from '../groups/GroupsContext';

export function useQualityPlan(): PlanAction[] {
  const { governance } = useGroups();
  const [plan, setPlan] = useState<PlanAction[]>([]);
  useEffect(() => {
    if (!governance) return;
    const read = () => setPlan(readQualityPlan(governance.doc));
    read();
    return observeQualityPlan(governance.doc, read);
  }, [governance]);
  return plan;
}

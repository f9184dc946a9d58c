// « Pour vous », quality part: my actions of the quality plan (governance, open to all), and, on a quality référent's
// device, the EIGS deadlines of the reports it holds (read by a lazy module, so no report code joins the first screen).
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  observeQualityPlan,
  observeQualityReferents,
  parisToday,
  planActionsFor,
  readQualityPlan,
  readQualityReferents,
  type CatalogueItem,
  type PlanAction,
} from '@maillage/shared';
import { useGroups } from '../../docs/groups/GroupsContext';
import { onReportsChanged } from '../../docs/adverseEvent/reportEvents';
import type { EigsForMe } from '../../docs/adverseEvent/eigsOnDevice';
import { useDeviceRevision } from '../../sync/background/deviceRevision';
import { useWorkspace } from '../WorkspaceContext';

export function useQualityForMe(
  workspaceId: string,
  items: readonly CatalogueItem[],
): { eigs: EigsForMe[]; planActions: PlanAction[] } {
  const { governance } = useGroups();
  const { memberId } = useWorkspace();
  const revision = useDeviceRevision();
  const [planActions, setPlanActions] = useState<PlanAction[]>([]);
  const [isReferent, setIsReferent] = useState(false);
  const [eigs, setEigs] = useState<EigsForMe[]>([]);
  const [written, setWritten] = useState(0);

  useEffect(() => {
    if (!governance) return;
    const read = () => {
      setPlanActions(planActionsFor(readQualityPlan(governance.doc), memberId));
      setIsReferent(readQualityReferents(governance.doc).includes(memberId));
    };
    read();
    const offPlan = observeQualityPlan(governance.doc, read);
    const offReferents = observeQualityReferents(governance.doc, read);
    return () => {
      offPlan();
      offReferents();
    };
  }, [governance, memberId]);

  // The reports written in this tab since the last read: only their summaries are read again.
  const writtenIds = useRef<(string | undefined)[]>([]);
  useEffect(
    () =>
      onReportsChanged((docId) => {
        writtenIds.current.push(docId);
        setWritten((n) => n + 1);
      }),
    [],
  );

  // The catalogue changes as colleagues type (its dates): only a change of its documents asks for a new read.
  const catalogueIds = items.map((i) => i.docId).join(' ');
  const inCatalogue = useMemo(() => new Set(catalogueIds.split(' ')), [catalogueIds]);
  useEffect(() => {
    // Not a référent: keep the same empty list, so « Pour vous » is not recomputed for nothing.
    if (!isReferent) return setEigs((current) => (current.length === 0 ? current : []));
    let cancelled = false;
    void (async () => {
      const { eigsDeadlinesOnDevice, forgetReadReports } = await import('../../docs/adverseEvent/eigsOnDevice');
      for (const docId of writtenIds.current.splice(0)) forgetReadReports(docId);
      const found = await eigsDeadlinesOnDevice(workspaceId, inCatalogue, parisToday(), () => cancelled);
      if (!cancelled) setEigs(found);
    })();
    return () => {
      cancelled = true;
    };
  }, [isReferent, workspaceId, inCatalogue, revision, written]);

  return { eigs, planActions };
}

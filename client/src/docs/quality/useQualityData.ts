// The dashboard of a year and the ACI indicators, from the documents on this device: the register and the annex in
// the governance document, the year's concertations, the catalogue's protocols. Recomputed when any of them changes.
import { useEffect, useMemo, useState } from 'react';
import {
  aciProgress,
  observeAci,
  parisToday,
  qualityDashboard,
  readAciAnnex,
  readAciManualValue,
  type AciAnnex,
  type AciManualValue,
  type IndicatorProgress,
  type QualityDashboard,
} from '@maillage/shared';
import { useCatalogue } from '../catalogue/useCatalogue';
import { useGroups } from '../groups/GroupsContext';
import { useRegister } from '../adverseEvent/useRegister';
import { useQualityPlan } from '../adverseEvent/useQualityPlan';
import { useYearMeetings } from './useYearMeetings';

export interface QualityData {
  dashboard: QualityDashboard;
  annex: AciAnnex | null;
  progress: IndicatorProgress[];
}

/** The annex and a reader of its hand-entered values, replaced whenever the governance document's copies change. */
interface AciState {
  annex: AciAnnex | null;
  manual: (year: number, indicatorId: string) => AciManualValue | null;
}

export function useQualityData(workspaceId: string, year: number): QualityData | null {
  const register = useRegister();
  const { items } = useCatalogue(workspaceId);
  const { governance } = useGroups();
  const meetings = useYearMeetings(workspaceId, items, year);
  const plan = useQualityPlan();
  const [aci, setAci] = useState<AciState>({ annex: null, manual: () => null });
  useEffect(() => {
    if (!governance) return;
    const read = () =>
      setAci({
        annex: readAciAnnex(governance.doc),
        manual: (y, id) => readAciManualValue(governance.doc, y, id),
      });
    read();
    return observeAci(governance.doc, read);
  }, [governance]);

  const dashboard = useMemo(
    () => meetings && qualityDashboard({ register, meetings, catalogue: items, year, today: parisToday(), plan }),
    [register, meetings, items, year, plan],
  );
  return useMemo(() => {
    if (!dashboard) return null;
    const progress = aci.annex ? aciProgress(aci.annex, dashboard, (id) => aci.manual(year, id)) : [];
    return { dashboard, annex: aci.annex, progress };
  }, [dashboard, aci, year]);
}

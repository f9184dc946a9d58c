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
  type IndicatorProgress,
  type QualityDashboard,
} from '@maillage/shared';
import { useCatalogue } from '../catalogue/useCatalogue';
import { useGroups } from '../groups/GroupsContext';
import { useRegister } from '../adverseEvent/useRegister';
import { useYearMeetings } from './useYearMeetings';

export interface QualityData {
  dashboard: QualityDashboard;
  annex: AciAnnex | null;
  progress: IndicatorProgress[];
}

export function useQualityData(workspaceId: string, year: number): QualityData | null {
  const register = useRegister();
  const { items } = useCatalogue(workspaceId);
  const { governance } = useGroups();
  const meetings = useYearMeetings(workspaceId, items, year);
  const [aciChanges, setAciChanges] = useState(0);
  useEffect(() => {
    if (!governance) return;
    return observeAci(governance.doc, () => setAciChanges((n) => n + 1));
  }, [governance]);

  const dashboard = useMemo(
    () => meetings && qualityDashboard({ register, meetings, catalogue: items, year, today: parisToday() }),
    [register, meetings, items, year],
  );
  return useMemo(() => {
    if (!dashboard) return null;
    const annex = governance ? readAciAnnex(governance.doc) : null;
    const progress =
      annex && governance ? aciProgress(annex, dashboard, (id) => readAciManualValue(governance.doc, year, id)) : [];
    return { dashboard, annex, progress };
    // aciChanges: the annex and its values are read again whenever the governance document's copies of them change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dashboard, governance, year, aciChanges]);
}

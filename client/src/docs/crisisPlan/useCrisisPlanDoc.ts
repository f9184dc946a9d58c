// Opens a crisis plan for a screen: ready once it is a plan this app can read.
import { migrateCrisisPlan } from '@maillage/shared';
import { useKindDoc } from '../../sync/useKindDoc';

export const useCrisisPlanDoc = (workspaceId: string, docId: string) =>
  useKindDoc(workspaceId, docId, 'crisisPlan', migrateCrisisPlan);

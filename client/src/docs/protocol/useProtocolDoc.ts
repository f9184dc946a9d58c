// Opens a protocol for a screen: ready once it is a protocol this app can read.
import { migrateProtocol } from '@maillage/shared';
import { useKindDoc } from '../../sync/useKindDoc';

export type { Readiness } from '../../sync/useKindDoc';

export const useProtocolDoc = (workspaceId: string, docId: string) =>
  useKindDoc(workspaceId, docId, 'protocol', migrateProtocol);

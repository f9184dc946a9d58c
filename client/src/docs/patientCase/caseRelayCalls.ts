// The /acl calls of one patient case from this device. A case created here and still waiting sends, with its list, the
// nonce its id was made from (the relay needs it for the first list), and is published to the catalogue once the relay
// answers with its list, before the gate lets anything sync (decision 0016).
import type { WorkspaceRow } from '../../store/db';
import { pendingCaseOf } from '../../store/pendingShares';
import { getAcl, setAcl } from '../../workspace/relayAcl';
import { publishPendingCase } from './publishCase';
import type { RelayLink } from './relayLink';

export function caseRelayCalls(row: () => WorkspaceRow, docId: string): Pick<RelayLink, 'getAcl' | 'setAcl'> {
  return {
    getAcl: async () => {
      const acl = await getAcl(row(), docId);
      if (acl) await publishPendingCase(row().id, docId, acl.members);
      return acl;
    },
    setAcl: async (members, purpose) => {
      const pending = await pendingCaseOf(row().id, docId);
      const view = await setAcl(row(), docId, members, pending?.nonce, undefined, purpose);
      await publishPendingCase(row().id, docId, view.members);
      return view;
    },
  };
}

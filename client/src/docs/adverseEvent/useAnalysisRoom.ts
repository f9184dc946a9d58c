// The référents' analysis room (decision 0037): named in governance; made by the first référent's device that needs
// it, its list (the référents, a report room's kind) on the relay before any byte flows; its list then follows the
// référents the governance names, kept in step by any référent's device that opens it.
import { useEffect, useRef, useState } from 'react';
import {
  nameAnalysisRoom,
  newRestrictedNonce,
  observeAnalysisRoom,
  readAnalysisRoom,
  restrictedDocId,
} from '@maillage/shared';
import { AclError, getAcl, setAcl } from '../../workspace/relayAcl';
import { useWorkspace } from '../../workspace/WorkspaceContext';
import { useGroups } from '../groups/GroupsContext';
import { useQualityReferents } from './useQualityReferents';

/** `offline`: no room yet and no relay to make it; `notListed`: this référent is not on its list yet. */
export type AnalysisRoom = { state: 'ready'; docId: string } | { state: 'waiting' | 'offline' | 'notListed' };

const sameMembers = (a: readonly string[], b: readonly string[]) => [...a].sort().join() === [...b].sort().join();

export function useAnalysisRoom(): AnalysisRoom {
  const workspace = useWorkspace();
  const { governance } = useGroups();
  const referents = useQualityReferents();
  const row = useRef(workspace);
  row.current = workspace;
  const { memberId } = workspace;
  const [named, setNamed] = useState<string | null>(null);
  const [state, setState] = useState<AnalysisRoom>({ state: 'waiting' });
  const known = referents.join();

  useEffect(() => {
    if (!governance) return;
    const read = () => setNamed(readAnalysisRoom(governance.doc));
    read();
    return observeAnalysisRoom(governance.doc, read);
  }, [governance]);

  useEffect(() => {
    const wanted = known ? known.split(',') : [];
    if (!governance || !wanted.includes(memberId)) return;
    let stopped = false;
    const attempt = async () => {
      try {
        if (!named) {
          // No room yet: this device makes it, the list first; the first one named in governance is everyone's.
          const nonce = newRestrictedNonce();
          const docId = await restrictedDocId(row.current.id, memberId, nonce);
          await setAcl(row.current, docId, wanted, nonce, 'report');
          if (!stopped) nameAnalysisRoom(governance.doc, docId, memberId, new Set(wanted));
          return;
        }
        if (!stopped) setState({ state: 'ready', docId: named });
        const list = await getAcl(row.current, named);
        if (list && !sameMembers(list.members, wanted)) await setAcl(row.current, named, wanted);
      } catch (error) {
        if (stopped) return;
        if (error instanceof AclError && error.code === 'forbidden' && named) setState({ state: 'notListed' });
        else if (!named) setState({ state: 'offline' });
        // A list not checked now is checked again when the network returns; the copy on the device still opens.
      }
    };
    const onOnline = () => void attempt();
    window.addEventListener('online', onOnline);
    void attempt();
    return () => {
      stopped = true;
      window.removeEventListener('online', onOnline);
    };
  }, [governance, named, memberId, known]);

  return state;
}

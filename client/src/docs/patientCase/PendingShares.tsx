// Sends the lists of cases (and concertations, decision 0033) created here while offline as soon as the relay can be
// reached, then their content, with no screen open: a colleague on the list can open it without waiting for its creator
// to return to it. The same gate as the case screen orders it: the list first, the content only once it is enforced.
import { useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { docStore } from '../../store/docStore';
import { listPendingShares, removePendingShare } from '../../store/pendingShares';
import { DocSync } from '../../sync/docSync';
import { useProfile } from '../../workspace/ProfileContext';
import { useWorkspace } from '../../workspace/WorkspaceContext';
import { caseRelayCalls } from './caseRelayCalls';
import { CaseGate } from './caseGate';
import { browserLink, type Me } from './relayLink';
import { patientCaseRoom, type RestrictedRoom } from './restrictedRoom';
import { meetingRoom } from '../concertation/meetingRoom';

const RESCAN_MS = 30_000;

const roomOf = (doc: Y.Doc): RestrictedRoom | null =>
  [patientCaseRoom, meetingRoom].find((room) => room.isKind(doc)) ?? null;

export default function PendingShares({ workspaceId }: { workspaceId: string }) {
  const workspace = useWorkspace();
  const profile = useProfile();
  const { memberId, role, token } = workspace;
  // The row object changes with every catalogue sync; only who we are restarts the work.
  const row = useRef(workspace);
  row.current = workspace;

  useEffect(() => {
    const running = new Map<string, () => void>();
    let stopped = false;
    const me: Me = { memberId, role };
    const share = (docId: string, doc: Y.Doc, room: RestrictedRoom) => {
      const gate = new CaseGate(doc, me, browserLink(caseRelayCalls(() => row.current, docId)), room);
      let sync: DocSync | null = null;
      const finish = () => {
        running.get(docId)?.();
        void removePendingShare(workspaceId, docId);
      };
      const onGate = () => {
        const { phase } = gate.current;
        if (phase === 'refused' || phase === 'removed' || phase === 'failed') return finish();
        // An earlier version's case (its id bound to no one) never will be shared: nothing to wait for. A room that holds
        // content already is left for the case screen to explain; its entry stays so the case keeps its place in the list.
        if (gate.current.error === 'unbound') return finish();
        if (gate.current.error === 'hasContent') return running.get(docId)?.();
        if (phase !== 'admitted' || sync) return;
        sync = new DocSync(workspaceId, docId, doc, profile, token, 0, memberId);
        // Synced means the relay's step 1 was answered with this device's content: it is on the relay.
        sync.subscribe(() => sync?.current.state === 'synced' && finish());
      };
      gate.subscribe(onGate);
      running.set(docId, () => {
        running.delete(docId);
        gate.stop();
        sync?.destroy();
        void docStore.release(workspaceId, docId);
      });
      onGate();
    };
    const run = async () => {
      for (const docId of await listPendingShares(workspaceId)) {
        if (stopped || running.has(docId)) continue;
        running.set(docId, () => running.delete(docId));
        const doc = await docStore.acquire(workspaceId, docId);
        if (stopped) return void docStore.release(workspaceId, docId);
        // Only a case or meeting this member created here waits for its list; anything else is a stale entry.
        const room = roomOf(doc);
        if (!room || room.createdBy(doc) !== memberId) {
          running.delete(docId);
          void docStore.release(workspaceId, docId);
          void removePendingShare(workspaceId, docId);
          continue;
        }
        share(docId, doc, room);
      }
    };
    const onOnline = () => void run();
    window.addEventListener('online', onOnline);
    // A relay that was down while the device was online fires no 'online' event: look again now and then.
    const timer = setInterval(onOnline, RESCAN_MS);
    void run();
    return () => {
      stopped = true;
      clearInterval(timer);
      window.removeEventListener('online', onOnline);
      for (const stop of [...running.values()]) stop();
    };
  }, [workspaceId, memberId, role, token, profile]);

  return null;
}

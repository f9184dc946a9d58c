// Opens a patient case (or a concertation) for a screen: the device's copy first, then the gate; the provider exists only
// while the relay confirms this member is on the list, and a member taken off it loses the provider and the device's
// copy at once.
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { CloseCode } from '@maillage/shared';
import { docStore } from '../../store/docStore';
import { removePendingShare } from '../../store/pendingShares';
import { DocSync } from '../../sync/docSync';
import { register } from '../../sync/syncRegistry';
import { useProfile } from '../../workspace/ProfileContext';
import { useWorkspace } from '../../workspace/WorkspaceContext';
import { caseRelayCalls } from './caseRelayCalls';
import { CaseGate, type GateState } from './caseGate';
import { browserLink, type Me, type RelayLink } from './relayLink';
import { patientCaseRoom, type RestrictedRoom } from './restrictedRoom';
import { TeamSync } from './teamSync';

export interface CaseAccess {
  doc: Y.Doc | null;
  gate: CaseGate | null;
  state: GateState | null;
  sync: DocSync | null;
  team: TeamSync | null;
  me: Me;
}

const noSubscribe = () => () => undefined;

export function useCaseAccess(
  workspaceId: string,
  docId: string,
  room: RestrictedRoom = patientCaseRoom,
  /** See CaseGate: a room with no list that was published open before its kind was restricted (decision 0033). */
  openWhenUnlisted?: () => boolean,
): CaseAccess {
  const workspace = useWorkspace();
  const profile = useProfile();
  const { memberId, role, token } = workspace;
  const row = useRef(workspace);
  row.current = workspace;
  const me = useMemo<Me>(() => ({ memberId, role }), [memberId, role]);
  const link = useMemo<RelayLink>(() => browserLink(caseRelayCalls(() => row.current, docId)), [docId]);
  // Read when the gate asks, not a dependency: the catalogue changes often and must not restart the gate.
  const openRef = useRef(openWhenUnlisted);
  openRef.current = openWhenUnlisted;
  const [doc, setDoc] = useState<Y.Doc | null>(null);
  const [gate, setGate] = useState<CaseGate | null>(null);
  const [sync, setSync] = useState<DocSync | null>(null);
  const [team, setTeam] = useState<TeamSync | null>(null);

  useEffect(() => {
    let cancelled = false;
    let opened: CaseGate | null = null;
    void docStore.acquire(workspaceId, docId).then((loaded) => {
      if (cancelled) return void docStore.release(workspaceId, docId);
      opened = new CaseGate(loaded, me, link, room, () => openRef.current?.() ?? false);
      setDoc(loaded);
      setGate(opened);
    });
    return () => {
      cancelled = true;
      opened?.stop();
      setDoc(null);
      setGate(null);
      if (opened) void docStore.release(workspaceId, docId);
    };
  }, [workspaceId, docId, me, link, room]);

  const state = useSyncExternalStore(gate?.subscribe ?? noSubscribe, () => gate?.current ?? null);
  const admitted = state?.phase === 'admitted';
  const open = state?.phase === 'open';
  const lost = state?.phase === 'removed' || state?.phase === 'refused';

  // A room that was never restricted syncs as any open document does: no list to keep in step.
  useEffect(() => {
    if (!doc || !open) return;
    const docSync = new DocSync(workspaceId, docId, doc, profile, token, 0, me.memberId);
    const unregister = register(docSync);
    setSync(docSync);
    return () => {
      unregister();
      docSync.destroy();
      setSync(null);
    };
  }, [doc, open, workspaceId, docId, profile, token, me]);

  useEffect(() => {
    if (!gate || !doc || !admitted || !gate.current.acl) return;
    const docSync = new DocSync(workspaceId, docId, doc, profile, token, 0, me.memberId);
    const unregister = register(docSync);
    const teamSync = new TeamSync(doc, me, gate.current.acl, link, room);
    // A socket closed with 4403 after admission: this member was just taken off the list.
    const onClose = (event: CloseEvent | null) => {
      if (event?.code === CloseCode.forbidden) gate.lostAccess();
    };
    docSync.provider.on('connection-close', onClose);
    const onStatus = () => {
      if (docSync.current.state !== 'synced') return;
      teamSync.markReady();
      // The list is enforced and this device's copy is on the relay: nothing waits in the background any more.
      void removePendingShare(workspaceId, docId);
    };
    const unsubscribe = docSync.subscribe(onStatus);
    onStatus();
    setSync(docSync);
    setTeam(teamSync);
    return () => {
      unsubscribe();
      docSync.provider.off('connection-close', onClose);
      teamSync.stop();
      unregister();
      docSync.destroy();
      setSync(null);
      setTeam(null);
    };
  }, [gate, doc, admitted, workspaceId, docId, profile, token, me, link, room]);

  // Need-to-know: a member who may not open the case keeps no copy of it on this device.
  useEffect(() => {
    if (lost) void docStore.forget(workspaceId, docId);
  }, [lost, workspaceId, docId]);

  return { doc, gate, state, sync, team, me };
}

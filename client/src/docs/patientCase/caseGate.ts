// Need-to-know before any byte flows: a patient case (or a concertation, decision 0033) connects to the relay only once
// the relay confirms its list and that this member is on it. The creator puts the list there first (even after being
// offline at creation); anyone else waits for it. The gate also knows when access was lost, so the screen can say so.
import type * as Y from 'yjs';
import { aclAdmits, readEnforcedAcl, recordEnforcedAcl, type AclView } from '@maillage/shared';
import { AclError, type AclErrorCode } from '../../workspace/relayAcl';
import { retryDelay, type Me, type RelayLink } from './relayLink';
import { patientCaseRoom, type RestrictedRoom } from './restrictedRoom';
import { ExternalState } from '../../sync/externalState';

export type GatePhase =
  | 'checking' // asking the relay
  | 'waitingNetwork' // offline: the copy on this device (when there is one) is shown; sync waits
  | 'sharing' // this device created the case and is putting its list on the relay (retried)
  | 'notShared' // someone else's case whose list is not on the relay yet (retried)
  | 'admitted' // the relay enforces a list this member is on: sync may start
  | 'open' // a meeting planned before meetings were restricted: its room has no list and never will (decision 0033)
  | 'refused' // never on this case's care team
  | 'removed' // was on it, no longer
  | 'failed'; // this device's access to the workspace is no longer valid

/** Someone else's case not yet shared: its creator's device may put the list up any moment, so ask often (a GET). */
export const NOT_SHARED_POLL_MS = 3_000;

export interface GateState {
  phase: GatePhase;
  acl: AclView | null;
  error: AclErrorCode | null;
  /** Whether the copy on this device may be shown: it is a case and this member is on its team there. */
  showLocal: boolean;
  /** Whether the relay has ever confirmed this case's list (else it is on this device only). */
  everShared: boolean;
}

export class CaseGate extends ExternalState<GateState> {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private stopped = false;
  private wasAdmitted = false;
  private readonly offOnline: () => void;

  constructor(
    private readonly doc: Y.Doc,
    private readonly me: Me,
    private readonly link: RelayLink,
    private readonly room: RestrictedRoom = patientCaseRoom,
    /** Whether a room with no list is one that was published open, before its kind was restricted. */
    private readonly openWhenUnlisted: () => boolean = () => false,
  ) {
    super();
    this.value = {
      phase: 'checking',
      acl: null,
      error: null,
      showLocal: this.onLocalTeam(),
      everShared: readEnforcedAcl(doc) !== null,
    };
    this.offOnline = link.onOnline(() => this.recheck());
    void this.check();
  }

  stop(): void {
    this.stopped = true;
    this.offOnline();
    if (this.timer) clearTimeout(this.timer);
    this.forgetListeners();
  }

  /** Asks the relay again now (the « Réessayer » button, the network coming back). */
  recheck = (): void => {
    if (this.stopped || ['admitted', 'open', 'failed'].includes(this.value.phase)) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.attempt = 0;
    void this.check();
  };

  /** The relay closed our socket with 4403: this member was taken off the list. */
  lostAccess(): void {
    this.set({ phase: this.wasAdmitted || this.room.isKind(this.doc) ? 'removed' : 'refused', showLocal: false });
  }

  /** A coordinator not on the list joins it. The relay allows it and journals it; the document says so too. */
  async joinAsCoordinator(): Promise<void> {
    const acl = this.value.acl;
    if (this.me.role !== 'coordinator' || !acl) return;
    this.room.join(this.doc, this.me.memberId);
    try {
      this.admit(await this.link.setAcl([...acl.members, this.me.memberId]));
    } catch (error) {
      this.set({ error: codeOf(error) });
    }
  }

  private onLocalTeam(): boolean {
    return this.room.isKind(this.doc) && this.room.includes(this.doc, this.me.memberId);
  }

  private async check(): Promise<void> {
    if (this.stopped) return;
    const mine = this.room.createdBy(this.doc) === this.me.memberId;
    if (!this.link.isOnline()) return this.set({ phase: 'waitingNetwork', showLocal: this.onLocalTeam() });
    try {
      const acl = await this.link.getAcl();
      if (this.stopped) return;
      if (acl && aclAdmits(acl, this.me.memberId)) return this.admit(acl);
      if (acl)
        return this.set({
          phase: this.room.isKind(this.doc) ? 'removed' : 'refused',
          acl,
          error: null,
          showLocal: false,
        });
      if (this.openWhenUnlisted()) return this.set({ phase: 'open', error: null, showLocal: true });
      if (!mine) return this.later({ phase: 'notShared', error: null }, NOT_SHARED_POLL_MS);
      this.set({ phase: 'sharing' });
      this.admit(await this.link.setAcl(this.room.wanted(this.doc, this.me.memberId)));
    } catch (error) {
      if (this.stopped) return;
      const code = codeOf(error);
      if (code === 'forbidden')
        return this.set({ phase: this.room.isKind(this.doc) ? 'removed' : 'refused', error: null, showLocal: false });
      if (code === 'unauthorized') return this.set({ phase: 'failed', error: code, showLocal: false });
      // The relay will never restrict this room for us: asking again would change nothing; the case stays on this device.
      if (mine && isUnshareable(code))
        return this.set({ phase: 'sharing', error: code, showLocal: this.onLocalTeam() });
      const phase = mine && !this.value.everShared ? 'sharing' : code === 'offline' ? 'waitingNetwork' : 'checking';
      this.later({ phase, error: code, showLocal: this.onLocalTeam() });
    }
  }

  private admit(acl: AclView): void {
    if (this.stopped) return;
    this.wasAdmitted = true;
    recordEnforcedAcl(this.doc, acl);
    this.set({ phase: 'admitted', acl, error: null, showLocal: true, everShared: true });
  }

  private later(patch: Partial<GateState>, delay = retryDelay(this.attempt++)): void {
    this.set(patch);
    this.timer = setTimeout(() => void this.check(), delay);
  }

  private set(patch: Partial<GateState>): void {
    this.publish({ ...this.value, ...patch });
  }
}

export const codeOf = (error: unknown): AclErrorCode => (error instanceof AclError ? error.code : 'refused');

/** A case whose room the relay will never restrict for its creator (decision 0016): it can only stay on its device. */
export const isUnshareable = (code: AclErrorCode | null): boolean => code === 'unbound' || code === 'hasContent';

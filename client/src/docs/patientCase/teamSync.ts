// Keeps the relay's list in step with the team the document holds. The document is the intent (it merges everyone's
// changes); the relay is the gate. A change made here is pushed at once; a difference seen in a colleague's change is
// pushed only if it lasts (that colleague's device normally does it), so devices never fight over the list.
import type * as Y from 'yjs';
import { mayChangeAcl, readEnforcedAcl, recordEnforcedAcl, type AclView, type EnforcedAcl } from '@maillage/shared';
import type { AclErrorCode } from '../../workspace/relayAcl';
import { codeOf } from './caseGate';
import { retryDelay, type Me, type RelayLink } from './relayLink';
import { patientCaseRoom, type RestrictedRoom } from './restrictedRoom';
import { ExternalState } from '../../sync/externalState';

/** How long a difference made by someone else may last before this device pushes the list itself. */
export const TAKE_OVER_AFTER_MS = 4_000;

export interface TeamSyncState {
  /** What the relay was last seen to enforce. */
  enforced: EnforcedAcl;
  /** What it should enforce: the document's team and the room's owner. */
  wanted: string[];
  inStep: boolean;
  saving: boolean;
  error: AclErrorCode | null;
  canChange: boolean;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export class TeamSync extends ExternalState<TeamSyncState> {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private ready = false;
  private pushing = false;
  private stopped = false;
  private readonly unobserve: () => void;
  private readonly offOnline: () => void;

  constructor(
    private readonly doc: Y.Doc,
    private readonly me: Me,
    acl: AclView,
    private readonly link: RelayLink,
    private readonly room: RestrictedRoom = patientCaseRoom,
  ) {
    super();
    this.value = this.compute({ owner: acl.owner, members: acl.members, updatedAt: acl.updatedAt }, null, false);
    this.unobserve = room.observe(doc, () => this.evaluate(false));
    this.offOnline = link.onOnline(() => this.evaluate(true));
  }

  /** The document has caught up with the relay: from now on its team is the merged intent, safe to push (changes made
   * here while offline go up at once). */
  markReady(): void {
    if (this.ready) return;
    this.ready = true;
    this.evaluate(true);
  }

  /** This device just changed the team: push it now (or as soon as it can). */
  changedHere(): void {
    this.evaluate(true);
  }

  stop(): void {
    this.stopped = true;
    this.unobserve();
    this.offOnline();
    if (this.timer) clearTimeout(this.timer);
    this.forgetListeners();
  }

  private compute(enforced: EnforcedAcl, error: AclErrorCode | null, saving: boolean): TeamSyncState {
    const recorded = readEnforcedAcl(this.doc);
    const latest = recorded && recorded.updatedAt > enforced.updatedAt ? recorded : enforced;
    const wanted = this.room.wanted(this.doc, latest.owner);
    return {
      enforced: latest,
      wanted,
      inStep: sameList(wanted, [...latest.members].sort()),
      saving,
      error,
      canChange: mayChangeAcl(latest, this.me),
    };
  }

  private evaluate(now: boolean): void {
    if (this.stopped) return;
    this.publish(this.compute(this.value.enforced, this.value.error, this.pushing));
    if (this.value.inStep) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      this.attempt = 0;
      if (this.value.error) this.publish({ ...this.value, error: null });
      return;
    }
    if (!this.ready || !this.value.canChange || this.pushing) return;
    if (now) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      void this.push();
    } else if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.push();
      }, TAKE_OVER_AFTER_MS);
    }
  }

  private async push(): Promise<void> {
    if (this.stopped || !this.link.isOnline()) return;
    const wanted = this.room.wanted(this.doc, this.value.enforced.owner);
    if (sameList(wanted, [...this.value.enforced.members].sort())) return this.evaluate(false);
    this.pushing = true;
    this.publish({ ...this.value, saving: true });
    try {
      const added = wanted.filter((id) => !this.value.enforced.members.includes(id));
      const view = await this.link.setAcl(wanted, this.room.purpose?.(this.doc, added));
      this.pushing = false;
      this.attempt = 0;
      if (this.stopped) return;
      recordEnforcedAcl(this.doc, view);
      this.publish(this.compute({ owner: view.owner, members: view.members, updatedAt: view.updatedAt }, null, false));
      // The team may have changed again while the request was on its way.
      this.evaluate(true);
    } catch (error) {
      this.pushing = false;
      if (this.stopped) return;
      this.publish({ ...this.value, saving: false, error: codeOf(error) });
      // Refused means this member may no longer change the list (or was removed): the relay will say so on the socket.
      if (codeOf(error) !== 'forbidden')
        this.timer = setTimeout(() => {
          this.timer = null;
          void this.push();
        }, retryDelay(this.attempt++));
    }
  }
}

// Every admitted socket and who it belongs to: so a revocation or an expiry closes it at once.
import type { WebSocket } from 'ws';
import { CloseCode, closeReasons } from '@maillage/shared/sync';
import type { Principal } from './admission';
import type { Revocation } from './revocations';
import { aclAdmits, type AclView } from '@maillage/shared/sync';

interface Live {
  workspaceId: string;
  room: string;
  principal: Principal;
  expiry: NodeJS.Timeout | null;
}

/** setTimeout's ceiling (~24.8 days); a token that lives longer is re-checked then. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export class LiveSockets {
  private readonly sockets = new Map<WebSocket, Live>();
  /** Open sockets per `${workspace}/${member}`: checked on every admission, so kept as a count, not a scan. */
  private readonly perMember = new Map<string, number>();

  add(ws: WebSocket, workspaceId: string, room: string, principal: Principal, onExpired: () => void): void {
    if (principal.memberId !== null) {
      const key = `${workspaceId}/${principal.memberId}`;
      this.perMember.set(key, (this.perMember.get(key) ?? 0) + 1);
    }
    let expiry: NodeJS.Timeout | null = null;
    if (principal.expiresAt !== null) {
      const arm = () => {
        const left = principal.expiresAt! - Date.now();
        if (left <= 0) {
          onExpired();
          return ws.close(CloseCode.tokenExpired, closeReasons.tokenExpired);
        }
        expiry = setTimeout(arm, Math.min(left, MAX_TIMER_MS));
        this.sockets.get(ws)!.expiry = expiry;
      };
      this.sockets.set(ws, { workspaceId, room, principal, expiry });
      arm();
    } else {
      this.sockets.set(ws, { workspaceId, room, principal, expiry });
    }
  }

  remove(ws: WebSocket): void {
    const live = this.sockets.get(ws);
    if (!live) return;
    if (live.expiry) clearTimeout(live.expiry);
    this.sockets.delete(ws);
    if (live.principal.memberId !== null) {
      const key = `${live.workspaceId}/${live.principal.memberId}`;
      const left = (this.perMember.get(key) ?? 1) - 1;
      if (left > 0) this.perMember.set(key, left);
      else this.perMember.delete(key);
    }
  }

  /** How many sockets a member holds open in a workspace, across all their devices. */
  countOf(workspaceId: string, memberId: string): number {
    return this.perMember.get(`${workspaceId}/${memberId}`) ?? 0;
  }

  /** Closes every socket the revocation covers; returns how many. */
  closeRevoked(r: Revocation): number {
    return this.closeWhere(
      CloseCode.revoked,
      closeReasons.revoked,
      ({ workspaceId, principal }) =>
        workspaceId === r.ws &&
        ((r.kind === 'member' && (principal.memberId === r.target || principal.signerMember === r.target)) ||
          (r.kind === 'device' && (principal.deviceId === r.target || principal.parentDevice === r.target)) ||
          (r.kind === 'delegation' && principal.delegation === r.target)),
    );
  }

  /** Closes the sockets of a restricted room whose member is no longer on its list; returns how many. */
  closeRemovedFrom(acl: AclView): number {
    return this.closeWhere(
      CloseCode.forbidden,
      "removed from this document's care team",
      ({ room, principal }) => room === acl.room && principal.memberId !== null && !aclAdmits(acl, principal.memberId),
    );
  }

  private closeWhere(code: number, reason: string, hit: (live: Live) => boolean): number {
    let closed = 0;
    for (const [ws, live] of this.sockets) {
      if (hit(live)) {
        ws.close(code, reason);
        closed++;
      }
    }
    return closed;
  }
}

// Every admitted socket and who it belongs to: so a revocation or an expiry closes it at once.
import type { WebSocket } from 'ws';
import { CloseCode, closeReasons } from '@maillage/shared';
import type { Principal } from './admission';
import type { Revocation } from './revocations';

interface Live {
  workspaceId: string;
  principal: Principal;
  expiry: NodeJS.Timeout | null;
}

/** setTimeout's ceiling (~24.8 days); a token that lives longer is re-checked then. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export class LiveSockets {
  private readonly sockets = new Map<WebSocket, Live>();

  add(ws: WebSocket, workspaceId: string, principal: Principal, onExpired: () => void): void {
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
      this.sockets.set(ws, { workspaceId, principal, expiry });
      arm();
    } else {
      this.sockets.set(ws, { workspaceId, principal, expiry });
    }
  }

  remove(ws: WebSocket): void {
    const live = this.sockets.get(ws);
    if (live?.expiry) clearTimeout(live.expiry);
    this.sockets.delete(ws);
  }

  /** Closes every socket the revocation covers; returns how many. */
  closeRevoked(r: Revocation): number {
    let closed = 0;
    for (const [ws, { workspaceId, principal }] of this.sockets) {
      if (workspaceId !== r.ws) continue;
      const hit =
        (r.kind === 'member' && principal.memberId === r.target) ||
        (r.kind === 'device' && principal.deviceId === r.target) ||
        (r.kind === 'delegation' && principal.delegation === r.target);
      if (hit) {
        ws.close(CloseCode.revoked, closeReasons.revoked);
        closed++;
      }
    }
    return closed;
  }
}

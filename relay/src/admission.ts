// Who may open a room and write in it: the seam between the socket and the access rules (auth.ts).
import type { IncomingMessage } from 'node:http';
import type { CloseCodeName, RoomRef } from '@maillage/shared/sync';

export interface Principal {
  memberId: string | null;
  deviceId: string | null;
  /** For a device added with a device key, the device holding that key: removing it removes this one too. */
  parentDevice: string | null;
  /** The delegation that signed this member's token, when a coordinator key did. */
  delegation: string | null;
  /** The coordinator that delegation was given to: revoking that person closes this socket too. */
  signerMember: string | null;
  role: 'coordinator' | 'member' | 'observer' | 'anonymous';
  canWrite: boolean;
  /** Epoch ms when the token stops being valid; null when no token is needed. */
  expiresAt: number | null;
}

/** Who was refused, when the token itself was valid (revoked, not on a care team…): for the journal. */
export interface Refused {
  memberId: string;
  deviceId: string;
  role: Principal['role'];
}

export type Admission = { ok: true; principal: Principal } | { ok: false; code: CloseCodeName; who?: Refused };

export type Admit = (request: IncomingMessage, room: RoomRef) => Promise<Admission>;

/** For AUTH=off (local development): everyone in, as a writer. */
export const admitEveryone: Admit = async () => ({
  ok: true,
  principal: {
    memberId: null,
    deviceId: null,
    parentDevice: null,
    delegation: null,
    signerMember: null,
    role: 'anonymous',
    canWrite: true,
    expiresAt: null,
  },
});

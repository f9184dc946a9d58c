// Who may open a room and write in it. The seam where token checks plug in; today every valid room admits a writer.
import type { IncomingMessage } from 'node:http';
import type { CloseCodeName, RoomRef } from '@maillage/shared';

export interface Principal {
  memberId: string | null;
  role: 'coordinator' | 'member' | 'observer' | 'anonymous';
  canWrite: boolean;
}

export type Admission = { ok: true; principal: Principal } | { ok: false, code: CloseCodeName };

export type Admit = (request: IncomingMessage, room: RoomRef) => Promise<Admission>;

export const admitEveryone: Admit = async () => ({ ok: true, principal: { memberId: null, role: 'anonymous', canWrite: true } });

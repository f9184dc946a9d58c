// A relay with the people of an adverse-event report's story (reporter, référents, others), and what its sync tests
// do with it: list and read a room, make a report as the app does, read the raw frames a socket receives.
import { expect } from 'vitest';
import * as Y from 'yjs';
import { createReport, newRestrictedNonce, restrictedDocId, roomName } from '@maillage/shared';
import { framesUntilClose, framesUntilState } from './rawFrames';
import { useRelayWithPeople } from './relayWithPeople';
import { connect, whenSynced } from './yClient';

export const NURSE = 'ide-durand01';
export const REFERENT = 'ref-qualite1';
export const DOCTOR = 'dr-martin-01';
export const COORDINATOR = 'coord-leroy1';
export const REFERENT_2 = 'ref-qualite2';
export const OBSERVER = 'observ-roux1';
export const TEXT = 'Pilulier préparé avec la dose du soir dans la case du matin';

/** What the nurse reports in these tests: a near miss at home, a minute ago. */
export const reportInput = () =>
  ({
    occurredAt: new Date(Date.now() - 60_000).toISOString(),
    place: 'domicile',
    description: TEXT,
    nature: 'epr',
    consequences: 'aucune',
    severity: 2,
    patientInformed: false,
  }) as const;

export interface JournalLine {
  t: string;
  event: string;
  reason: string | null;
  member: string | null;
  device: string | null;
  role: string | null;
  address: string | null;
  room: string | null;
}

/** Starts the relay before the file's tests and stops it after; the functions read it once started. */
export function useReportRelay() {
  const fx = useRelayWithPeople({
    [NURSE]: 'member',
    [REFERENT]: 'member',
    [DOCTOR]: 'member',
    [COORDINATOR]: 'coordinator',
    [REFERENT_2]: 'member',
    [OBSERVER]: 'observer',
  });
  const { tokens } = fx;

  const setAcl = (who: string, body: Record<string, unknown>) =>
    fetch(`${fx.relay.url}acl`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[who]}` },
      body: JSON.stringify(body),
    });
  const getAcl = (who: string, room: string) =>
    fetch(`${fx.relay.url}acl?room=${encodeURIComponent(room)}`, {
      headers: { authorization: `Bearer ${tokens[who]}` },
    });

  const journalOf = async (room: string): Promise<JournalLine[]> =>
    (
      (await (
        await fetch(`${fx.relay.url}journal?ws=${fx.workspace.ws}&room=${encodeURIComponent(room)}`, {
          headers: { authorization: `Bearer ${tokens[COORDINATOR]}` },
        })
      ).json()) as { entries: JournalLine[] }
    ).entries;

  /** A report, as the app makes it: a bound id, the list (a report's) with the nonce, only then the content. */
  async function reported(reporter = NURSE): Promise<{ room: string; docId: string }> {
    const nonce = newRestrictedNonce();
    const docId = await restrictedDocId(fx.workspace.ws, reporter, nonce);
    const room = roomName({ workspaceId: fx.workspace.ws, docId });
    const listed = await setAcl(reporter, { room, members: [reporter, REFERENT], nonce, kind: 'report' });
    expect(listed.status).toBe(200);
    const doc = new Y.Doc();
    const created = createReport(doc, reportInput(), reporter);
    expect(created.ok).toBe(true);
    const provider = connect(fx.relay.wsUrl, room, { doc, token: tokens[reporter]! });
    await whenSynced(provider);
    provider.destroy();
    return { room, docId };
  }

  const socketUrl = (room: string, who: string) =>
    `${fx.relay.wsUrl}/${room}?token=${encodeURIComponent(tokens[who]!)}`;
  /** Every frame the relay sends a raw socket of `who` asking for the whole room, until the room's state arrives. */
  const framesFor = (room: string, who: string) => framesUntilState(socketUrl(room, who));
  /** Every frame the relay sends a raw socket of `who`, until it closes it. */
  const framesUntilClosed = (room: string, who: string) => framesUntilClose(socketUrl(room, who));

  return {
    fx,
    tokens,
    setAcl,
    getAcl,
    journalOf,
    reported,
    framesFor,
    framesUntilClosed,
  };
}

// A relay with the people of an adverse-event report's story (reporter, référents, others), and what its sync tests
// do with it: list and read a room, make a report as the app does, read the raw frames a socket receives.
import { afterAll, beforeAll, expect } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { createReport, newRestrictedNonce, restrictedDocId, roomName } from '@maillage/shared';
import type { RelayProcess } from './relayProcess';
import type { TestWorkspace } from './tokens';
import { startRelayWithPeople } from './relayWithPeople';
import { connect, whenSynced } from './yClient';

export const NURSE = 'ide-durand01';
export const REFERENT = 'ref-qualite1';
export const DOCTOR = 'dr-martin-01';
export const COORDINATOR = 'coord-leroy1';
export const REFERENT_2 = 'ref-qualite2';
export const OBSERVER = 'observ-roux1';
export const TEXT = 'Pilulier préparé avec la dose du soir dans la case du matin';

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
  let relay: RelayProcess;
  let workspace: TestWorkspace;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    ({ relay, workspace } = await startRelayWithPeople(tokens, {
      [NURSE]: 'member',
      [REFERENT]: 'member',
      [DOCTOR]: 'member',
      [COORDINATOR]: 'coordinator',
      [REFERENT_2]: 'member',
      [OBSERVER]: 'observer',
    }));
  });
  afterAll(() => relay.stop());

  const setAcl = (who: string, body: Record<string, unknown>) =>
    fetch(`${relay.url}acl`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[who]}` },
      body: JSON.stringify(body),
    });
  const getAcl = (who: string, room: string) =>
    fetch(`${relay.url}acl?room=${encodeURIComponent(room)}`, { headers: { authorization: `Bearer ${tokens[who]}` } });

  const journalOf = async (room: string): Promise<JournalLine[]> =>
    (
      (await (
        await fetch(`${relay.url}journal?ws=${workspace.ws}&room=${encodeURIComponent(room)}`, {
          headers: { authorization: `Bearer ${tokens[COORDINATOR]}` },
        })
      ).json()) as { entries: JournalLine[] }
    ).entries;

  /** A report, as the app makes it: a bound id, the list (a report's) with the nonce, only then the content. */
  async function reported(reporter = NURSE): Promise<{ room: string; docId: string }> {
    const nonce = newRestrictedNonce();
    const docId = await restrictedDocId(workspace.ws, reporter, nonce);
    const room = roomName({ workspaceId: workspace.ws, docId });
    const listed = await setAcl(reporter, { room, members: [reporter, REFERENT], nonce, kind: 'report' });
    expect(listed.status).toBe(200);
    const doc = new Y.Doc();
    const created = createReport(
      doc,
      {
        occurredAt: new Date(Date.now() - 60_000).toISOString(),
        place: 'domicile',
        description: TEXT,
        nature: 'epr',
        consequences: 'aucune',
        severity: 2,
        patientInformed: false,
      },
      reporter,
    );
    expect(created.ok).toBe(true);
    const provider = connect(relay.wsUrl, room, { doc, token: tokens[reporter]! });
    await whenSynced(provider);
    provider.destroy();
    return { room, docId };
  }

  /** Every frame the relay sends a raw socket of `who` asking for the whole room, until the room's state arrives. */
  function framesFor(room: string, who: string): Promise<{ bytes: Buffer }> {
    return new Promise((resolve, reject) => {
      const frames: Buffer[] = [];
      const ws = new WebSocket(`${relay.wsUrl}/${room}?token=${encodeURIComponent(tokens[who]!)}`);
      const timer = setTimeout(() => reject(new Error('no state from the relay')), 5000);
      ws.on('open', () => {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, 0); // sync
        syncProtocol.writeSyncStep1(encoder, new Y.Doc());
        ws.send(encoding.toUint8Array(encoder));
      });
      ws.on('message', (data: Buffer) => {
        frames.push(Buffer.from(data));
        const decoder = decoding.createDecoder(new Uint8Array(data));
        if (decoding.readVarUint(decoder) !== 0 || decoding.readVarUint(decoder) !== syncProtocol.messageYjsSyncStep2)
          return;
        clearTimeout(timer);
        ws.close();
        resolve({ bytes: Buffer.concat(frames) });
      });
    });
  }

  /** Every frame the relay sends a raw socket of `who`, until it closes it. */
  function framesUntilClosed(room: string, who: string): Promise<{ code: number; bytes: Buffer }> {
    return new Promise((resolve, reject) => {
      const frames: Buffer[] = [];
      const ws = new WebSocket(`${relay.wsUrl}/${room}?token=${encodeURIComponent(tokens[who]!)}`);
      const timer = setTimeout(() => reject(new Error('socket was not closed')), 5000);
      ws.on('message', (data: Buffer) => frames.push(Buffer.from(data)));
      ws.on('error', () => undefined);
      ws.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, bytes: Buffer.concat(frames) });
      });
    });
  }

  return {
    get relay() {
      return relay;
    },
    get workspace() {
      return workspace;
    },
    tokens,
    setAcl,
    getAcl,
    journalOf,
    reported,
    framesFor,
    framesUntilClosed,
  };
}

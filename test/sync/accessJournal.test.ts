// The relay's access journal (who opened, was refused, wrote what; never a token) and the invitation check, over the
// real relay.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, newDocId, roomName } from '@maillage/shared';
import { startRelayProcess, type RelayProcess } from '../support/relayProcess';
import { newSigningKey, newTestWorkspace, type TestWorkspace } from '../support/tokens';
import { closeOf, connect, eventually, whenSynced, writeRefused } from '../support/yClient';

let relay: RelayProcess;
let workspace: TestWorkspace;
let room: string;

beforeAll(async () => {
  relay = await startRelayProcess();
  workspace = await newTestWorkspace();
  room = roomName({ workspaceId: workspace.ws, docId: newDocId() });
});
afterAll(() => relay.stop());

const revoke = (kind: 'member', target: string) => workspace.revokeThrough(relay.url, target, { kind });

/** A revoked member knocking, and an observer's write dropped: two of the events the journal must hold. */
async function refusalAndDroppedWrite(): Promise<void> {
  const revoked = await workspace.token({ member: 'member-revoked-1' });
  expect((await revoke('member', 'member-revoked-1')).status).toBe(200);
  expect((await closeOf(`${relay.wsUrl}/${room}?token=${encodeURIComponent(revoked)}`)).code).toBe(CloseCode.revoked);
  const observer = connect(relay.wsUrl, room, { token: await workspace.token({ role: 'observer' }) });
  await whenSynced(observer);
  const refused = writeRefused(observer);
  observer.doc.getText('t').insert(0, 'INTRUS ');
  expect(await refused).toBe('observers cannot write');
  observer.destroy();
}

describe('access journal', () => {
  it('is readable by coordinators only, records opens, refusals and writes, and never holds a token', async () => {
    await refusalAndDroppedWrite();
    const token = await workspace.token({ member: 'member-journal' });
    const provider = connect(relay.wsUrl, room, { token, doc: new Y.Doc() });
    await whenSynced(provider);
    // The update leaves before the close frame, on the same socket: the close entry counts it.
    provider.doc.getText('t').insert(0, 'x'.repeat(100));
    provider.destroy();

    const coordinator = await workspace.token({ role: 'coordinator' });
    const read = (bearer: string, query = '') =>
      fetch(`${relay.url}journal?ws=${workspace.ws}${query}`, { headers: { authorization: `Bearer ${bearer}` } });
    expect((await read(token)).status).toBe(403);
    let entries: { event: string; member: string; bytes: number; address: string }[] = [];
    await eventually(
      async () => {
        const response = await read(coordinator, '&member=member-journal');
        expect(response.status).toBe(200);
        ({ entries } = (await response.json()) as { entries: typeof entries });
        return entries.some((e) => e.event === 'close');
      },
      5000,
      'the socket’s close in the journal',
    );
    expect(entries.map((e) => e.event).sort()).toEqual(['close', 'open']);
    expect(entries.find((e) => e.event === 'close')!.bytes).toBeGreaterThan(100);
    expect(entries[0]!.address).toMatch(/127\.0\.0\.1/);
    const all = (await (await read(coordinator)).json()) as { entries: { event: string; reason: string }[] };
    expect(all.entries.some((e) => e.event === 'refused' && e.reason === 'revoked')).toBe(true);
    // A valid but revoked token says whose it was: the coordinator sees who keeps knocking.
    expect(
      (all.entries as { event: string; reason: string; member: string | null }[]).some(
        (e) => e.event === 'refused' && e.reason === 'revoked' && e.member === 'member-revoked-1',
      ),
    ).toBe(true);
    expect(all.entries.some((e) => e.event === 'writeDropped')).toBe(true);
    expect((await fetch(`${relay.url}journal?ws=nope`)).status).toBe(400);

    const files = ['maillage-relay.sqlite', 'maillage-relay.sqlite-wal'].map((f) => {
      try {
        return readFileSync(join(relay.dataDir, f)).toString('latin1');
      } catch {
        return '';
      }
    });
    for (const bytes of files) {
      expect(bytes.includes(token)).toBe(false);
      expect(bytes.includes(coordinator.slice(-40))).toBe(false);
    }
  });
});

describe('GET /access: is this invitation still good?', () => {
  const check = async (token: string | null) => {
    const response = await fetch(`${relay.url}access`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('says yes to a live invitation, and why not to a withdrawn, expired, forged or foreign one', async () => {
    const invitation = await workspace.token({ role: 'observer', member: 'member-invited-1' });
    expect(await check(invitation)).toMatchObject({ status: 200, body: { ok: true, role: 'observer' } });

    // Withdrawing an invitation is revoking the member it was made for.
    expect((await revoke('member', 'member-invited-1')).status).toBe(200);
    expect(await check(invitation)).toMatchObject({ status: 401, body: { error: 'revoked' } });
    const expired = await workspace.token({ expiresInSeconds: 60, now: Date.now() - 120_000 });
    expect(await check(expired)).toMatchObject({ status: 401, body: { error: 'tokenExpired' } });
    expect(await check(await workspace.token({ key: await newSigningKey() }))).toMatchObject({
      status: 401,
      body: { error: 'unauthorized' },
    });
    expect(await check(null)).toMatchObject({ status: 401, body: { error: 'unauthorized' } });

    // The withdrawn invitation tried is in the coordinator's journal, under the member it was made for.
    const coordinator = await workspace.token({ role: 'coordinator' });
    const journal = await fetch(`${relay.url}journal?ws=${workspace.ws}&member=member-invited-1`, {
      headers: { authorization: `Bearer ${coordinator}` },
    });
    const { entries } = (await journal.json()) as { entries: { event: string; reason: string | null }[] };
    expect(entries.filter((e) => e.event === 'refused' && e.reason === 'revoked')).toHaveLength(1);
  });
});

// The change feed against the real relay: a device learns which rooms changed after its cursor, in one request, with
// the socket's access rules, across a crash and a restart (docs/decisions/0029).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  changesResponseSchema,
  changesUrl,
  newDocId,
  newRestrictedNonce,
  restrictedDocId,
  roomName,
  type ChangesResponse,
} from '@maillage/shared';
import { startRelayProcess, type RelayProcess } from '../support/relayProcess';
import { newTestWorkspace, type TestWorkspace } from '../support/tokens';
import { appendText } from '../support/yClient';

let relay: RelayProcess;
let workspace: TestWorkspace;
let member: string;
let colleague: string;

beforeAll(async () => {
  relay = await startRelayProcess();
  workspace = await newTestWorkspace();
  member = await workspace.token({ member: 'ide-durand01', role: 'member' });
  colleague = await workspace.token({ member: 'dr-martin-01', role: 'member' });
});
afterAll(() => relay.stop());

const base = () => relay.url.replace(/\/$/, '');

async function changes(token: string, since: number, ws = workspace.ws): Promise<ChangesResponse> {
  const response = await fetch(changesUrl(base(), ws, since), { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return changesResponseSchema.parse(await response.json());
}

/** Writes `text` into a room as a stock y-websocket client would, and waits until the relay has it. */
const write = (docId: string, text: string, token = colleague, ws = workspace.ws) =>
  appendText(relay.wsUrl, roomName({ workspaceId: ws, docId }), token, text);

describe('the change feed', () => {
  it('lists exactly the rooms changed after the cursor, oldest change first', async () => {
    const docs = Array.from({ length: 30 }, () => newDocId());
    for (const doc of docs) await write(doc, 'v1');
    const all = await changes(member, 0);
    expect(all.changes.map((c) => c.doc)).toEqual(docs);
    expect(all.changes.every((c) => c.readable)).toBe(true);
    expect(all.more).toBe(false);

    const changed = [docs[3]!, docs[17]!, docs[29]!];
    for (const doc of changed) await write(doc, 'v2');
    const since = await changes(member, all.cursor);
    expect(since.changes.map((c) => c.doc)).toEqual(changed);
    expect((await changes(member, since.cursor)).changes).toEqual([]);
  });

  it('pages a long list: each answer continues from the cursor of the last', async () => {
    const fresh = await newTestWorkspace();
    const token = await fresh.token({ member: 'ide-durand01', role: 'member' });
    const writer = await fresh.token({ member: 'dr-martin-01', role: 'member' });
    const docs = Array.from({ length: 5 }, () => newDocId());
    for (const docId of docs) await write(docId, 'v1', writer, fresh.ws);
    const seen: string[] = [];
    let cursor = 0;
    for (let page = 0; page < 10 && seen.length < docs.length; page++) {
      const response = await fetch(`${changesUrl(base(), fresh.ws, cursor)}&limit=2`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const answer = changesResponseSchema.parse(await response.json());
      expect(answer.changes.length).toBeLessThanOrEqual(2);
      seen.push(...answer.changes.map((c) => c.doc));
      cursor = answer.cursor;
      if (!answer.more) break;
    }
    expect(seen.sort()).toEqual([...docs].sort());
  });

  it('lists a care-team room to a member off its list as unreadable, once they are taken off', async () => {
    const nonce = newRestrictedNonce();
    const docId = await restrictedDocId(workspace.ws, 'dr-martin-01', nonce);
    const room = roomName({ workspaceId: workspace.ws, docId });
    const setList = (members: string[]) =>
      fetch(`${base()}/acl`, {
        method: 'POST',
        headers: { authorization: `Bearer ${colleague}` },
        body: JSON.stringify({ room, members, nonce }),
      });
    expect((await setList(['ide-durand01'])).status).toBe(200);
    const before = await changes(member, 0);
    await write(docId, 'soins', colleague);
    const onTeam = await changes(member, before.cursor);
    expect(onTeam.changes).toEqual([expect.objectContaining({ doc: docId, readable: true })]);

    expect((await setList([])).status).toBe(200);
    const offTeam = await changes(member, onTeam.cursor);
    expect(offTeam.changes).toEqual([expect.objectContaining({ doc: docId, readable: false })]);
    const forCreator = await changes(colleague, onTeam.cursor);
    expect(forCreator.changes).toEqual([expect.objectContaining({ doc: docId, readable: true })]);
  });

  it('keeps every change across a kill -9: a room written just before the crash is listed after the restart', async () => {
    const start = await changes(member, 0);
    const docId = newDocId();
    await write(docId, 'juste avant');
    await relay.kill();
    relay = await relay.restart();
    const after = await changes(member, start.cursor);
    expect(after.changes.map((c) => c.doc)).toContain(docId);
    // A restart lists nothing that did not change: the cursor then stands still.
    const again = await changes(member, after.cursor);
    expect(again.changes).toEqual([]);
  });

  it('refuses what the socket refuses: no token, a revoked-looking token, another workspace, a bad query', async () => {
    const other = await newTestWorkspace();
    const outsider = await other.token({ member: 'ide-durand01', role: 'member' });
    const get = (url: string, token?: string) =>
      fetch(url, token ? { headers: { authorization: `Bearer ${token}` } } : {});
    expect((await get(changesUrl(base(), workspace.ws, 0))).status).toBe(401);
    expect((await get(changesUrl(base(), workspace.ws, 0), `${member}x`)).status).toBe(401);
    expect((await get(changesUrl(base(), workspace.ws, 0), outsider)).status).toBe(403);
    for (const query of [
      'ws=nope',
      `ws=${workspace.ws}&since=-1`,
      `ws=${workspace.ws}&since=abc`,
      `ws=${workspace.ws}&limit=0`,
    ]) {
      const response = await get(`${base()}/changes?${query}`, member);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: string }).error).toBe('badQuery');
    }
    expect(relay.alive()).toBe(true);
  });

  it('refuses a revoked member at once, though their token has not expired', async () => {
    const leaving = await workspace.token({ member: 'kine-parti01', role: 'member' });
    expect(
      (await fetch(changesUrl(base(), workspace.ws, 0), { headers: { authorization: `Bearer ${leaving}` } })).status,
    ).toBe(200);
    expect((await workspace.revokeThrough(base(), 'kine-parti01')).status).toBe(200);
    const refused = await fetch(changesUrl(base(), workspace.ws, 0), {
      headers: { authorization: `Bearer ${leaving}` },
    });
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: string }).error).toBe('revoked');
  });
});

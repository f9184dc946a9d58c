// GET /fetch against the real relay: a new device's first copies of many documents in one request, each the state a
// stock client with nothing would sync, under the socket's access rules (decision 0044).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import {
  decodeFetchAnswer,
  fetchUrl,
  newDocId,
  newRestrictedNonce,
  restrictedDocId,
  roomName,
  WELL_KNOWN_DOCS,
  type FetchedDoc,
} from '@maillage/shared';
import { useRelayWithPeople } from '../support/relayWithPeople';
import { newTestWorkspace } from '../support/tokens';
import { appendText } from '../support/yClient';

const world = useRelayWithPeople({ 'ide-durand01': 'member', 'dr-martin-01': 'member' });
const member = () => world.tokens['ide-durand01']!;
const colleague = () => world.tokens['dr-martin-01']!;

const base = () => world.relay.url.replace(/\/$/, '');
const get = (url: string, token?: string) => fetch(url, token ? { headers: { authorization: `Bearer ${token}` } } : {});

async function fetchDocs(docs: string[], token = member()): Promise<FetchedDoc[]> {
  const response = await get(fetchUrl(base(), world.workspace.ws, docs), token);
  expect(response.status).toBe(200);
  return decodeFetchAnswer(new Uint8Array(await response.arrayBuffer()), docs.length);
}

/** Writes `text` into a room through a stock client (a colleague's, unless another token is given). */
const write = (docId: string, text: string, token = colleague()) =>
  appendText(world.relay.wsUrl, roomName({ workspaceId: world.workspace.ws, docId }), token, text);

const textOf = (fetched: FetchedDoc | undefined) => {
  if (fetched?.outcome !== 'state') throw new Error(`no state: ${fetched?.outcome}`);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, fetched.state);
  return doc.getText('t').toString();
};

describe('GET /fetch', () => {
  it('answers each document asked, in order, with the state a socket would sync', async () => {
    const docs = Array.from({ length: 3 }, () => newDocId());
    for (const [i, docId] of docs.entries()) await write(docId, `protocole ${i}`);
    await write(docs[1]!, ', relu');
    const answer = await fetchDocs(docs);
    expect(answer.map(textOf)).toEqual(['protocole 0', 'protocole 1, relu', 'protocole 2']);
  });

  it('gives a care-team room only to its list, and sends the workspace’s own documents to their sockets', async () => {
    const nonce = newRestrictedNonce();
    const docId = await restrictedDocId(world.workspace.ws, 'dr-martin-01', nonce);
    const room = roomName({ workspaceId: world.workspace.ws, docId });
    const setList = (members: string[]) =>
      fetch(`${base()}/acl`, {
        method: 'POST',
        headers: { authorization: `Bearer ${colleague()}` },
        body: JSON.stringify({ room, members, nonce }),
      });
    expect((await setList([])).status).toBe(200);
    await write(docId, 'plan de soins');
    const open = newDocId();
    await write(open, 'ouvert à tous');

    const [teamRoom, catalogue, other] = await fetchDocs([docId, WELL_KNOWN_DOCS.catalogue, open]);
    expect(teamRoom).toEqual({ outcome: 'forbidden' });
    expect(catalogue).toEqual({ outcome: 'overSocket' });
    expect(textOf(other)).toBe('ouvert à tous');
    expect(textOf((await fetchDocs([docId], colleague()))[0])).toBe('plan de soins');

    expect((await setList(['ide-durand01'])).status).toBe(200);
    expect(textOf((await fetchDocs([docId]))[0])).toBe('plan de soins');
  });

  it('says « later » for what does not fit in one answer, after at least one state', async () => {
    const big = [newDocId(), newDocId()];
    const small = newDocId();
    for (const docId of big) await write(docId, 'x'.repeat(2_500_000));
    await write(small, 'petit');
    const answer = await fetchDocs([...big, small]);
    expect(answer.map((doc) => doc.outcome)).toEqual(['state', 'state', 'later']);
    expect(textOf((await fetchDocs([small]))[0])).toBe('petit');
  });

  it('refuses what the socket refuses: no token, a bad one, another workspace, a revoked member', async () => {
    const docs = [newDocId()];
    const other = await newTestWorkspace();
    const outsider = await other.token({ member: 'ide-durand01', role: 'member' });
    expect((await get(fetchUrl(base(), world.workspace.ws, docs))).status).toBe(401);
    expect((await get(fetchUrl(base(), world.workspace.ws, docs), `${member()}x`)).status).toBe(401);
    expect((await get(fetchUrl(base(), world.workspace.ws, docs), outsider)).status).toBe(403);

    const leaving = await world.workspace.token({ member: 'kine-parti01', role: 'member' });
    expect((await get(fetchUrl(base(), world.workspace.ws, docs), leaving)).status).toBe(200);
    expect((await world.workspace.revokeThrough(base(), 'kine-parti01')).status).toBe(200);
    const refused = await get(fetchUrl(base(), world.workspace.ws, docs), leaving);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: string }).error).toBe('revoked');
  });

  it('answers any query with 200 or a named 400, and stays up', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 200 }), fc.array(fc.string({ maxLength: 70 }), { maxLength: 60 }).map(String)),
        async (docs) => {
          const response = await get(
            `${base()}/fetch?ws=${world.workspace.ws}&docs=${encodeURIComponent(docs)}`,
            member(),
          );
          expect([200, 400]).toContain(response.status);
          if (response.status === 400) expect(((await response.json()) as { error: string }).error).toBe('badQuery');
          else await response.arrayBuffer();
        },
      ),
      { numRuns: 60 },
    );
    expect(world.relay.alive()).toBe(true);
  });
});

// A relay hosts the workspaces its operator chose (WORKSPACES) and keeps each under its quota (MAX_WORKSPACE_MB).
import { afterEach, describe, expect, it } from 'vitest';
import { CloseCode, HOSTING_PATH, hostingSchema, parseRoom } from '@maillage/shared';
import type { WebsocketProvider } from 'y-websocket';
import { startRelayProcess, type RelayProcess } from '../support/relayProcess';
import { closeOf, connect, eventually, freshRoom, roomUrl, whenSynced, workspaceOf } from '../support/yClient';

const started: RelayProcess[] = [];
async function relayWith(env: Record<string, string>): Promise<RelayProcess> {
  const relay = await startRelayProcess({ env });
  started.push(relay);
  return relay;
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((relay) => relay.stop()));
});

const workspaceIdOf = (room: string) => parseRoom(room)!.workspaceId;

/** A coordinator reading the journal over HTTP: 200 for a workspace the relay hosts. */
async function journalStatus(relay: RelayProcess, room: string): Promise<{ status: number; error?: string }> {
  const token = await workspaceOf(room).token({ role: 'coordinator' });
  const response = await fetch(`${relay.url}journal?ws=${workspaceIdOf(room)}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  const body = (await response.json()) as { error?: string };
  return { status: response.status, error: body.error };
}

async function expectServed(relay: RelayProcess, room: string): Promise<void> {
  const provider = connect(relay.wsUrl, room);
  await whenSynced(provider);
  provider.destroy();
  expect((await journalStatus(relay, room)).status).toBe(200);
}

async function expectRefused(relay: RelayProcess, room: string): Promise<void> {
  expect((await closeOf(roomUrl(relay.wsUrl, room))).code).toBe(CloseCode.workspaceNotServed);
  expect(await journalStatus(relay, room)).toEqual({ status: 403, error: 'workspaceNotServed' });
}

/** What GET /hosting tells a device about to create a workspace, checked against its schema. */
async function takesNew(relay: RelayProcess): Promise<boolean> {
  const response = await fetch(new URL(HOSTING_PATH, relay.url));
  expect(response.status).toBe(200);
  return hostingSchema.parse(await response.json()).newWorkspace;
}

describe('served workspaces', () => {
  it('WORKSPACES=<list> serves the listed workspaces only, sockets and HTTP, across a restart', async () => {
    const [ours, theirs] = [await freshRoom(), await freshRoom()];
    let relay = await relayWith({ WORKSPACES: workspaceIdOf(ours) });
    expect(await takesNew(relay)).toBe(false);
    await expectServed(relay, ours);
    await expectRefused(relay, theirs);
    relay = await relay.restart();
    started.push(relay);
    await expectServed(relay, ours);
    await expectRefused(relay, theirs);
  });

  it('WORKSPACES=first: the first workspace with a valid token claims a fresh relay, and keeps it across a restart', async () => {
    const [ours, theirs] = [await freshRoom(), await freshRoom()];
    let relay = await relayWith({ WORKSPACES: 'first' });
    // A token that is not valid claims nothing.
    expect((await closeOf(roomUrl(relay.wsUrl, theirs, 'not-a-token'))).code).toBe(CloseCode.unauthorized);
    expect(await takesNew(relay)).toBe(true);
    await expectServed(relay, ours);
    await expectRefused(relay, theirs);
    // A device about to create a workspace is told it would be refused.
    expect(await takesNew(relay)).toBe(false);
    relay = await relay.restart();
    started.push(relay);
    expect(await takesNew(relay)).toBe(false);
    await expectRefused(relay, theirs);
    await expectServed(relay, ours);
  });
});

describe('quota per workspace', () => {
  const closeCodeOf = (provider: WebsocketProvider) =>
    new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the writer was not closed')), 10_000);
      provider.on('connection-close', (event) => {
        if (!event) return;
        clearTimeout(timer);
        resolve(event.code);
      });
    });

  it("refuses a workspace's writes past MAX_WORKSPACE_MB while another workspace still writes, also after a restart", async () => {
    let relay = await relayWith({ MAX_WORKSPACE_MB: '1' });
    const [full, other] = [await freshRoom(), await freshRoom()];
    const KB600 = 'a'.repeat(600 * 1024);

    const writer = connect(relay.wsUrl, full);
    const reader = connect(relay.wsUrl, full);
    await Promise.all([whenSynced(writer), whenSynced(reader)]);
    writer.doc.getText('t').insert(0, KB600);
    await eventually(
      () => reader.doc.getText('t').length === KB600.length,
      10_000,
      'the first 600 KB stored and forwarded',
    );
    const closed = closeCodeOf(writer);
    writer.doc.getText('t').insert(0, KB600);
    expect(await closed).toBe(CloseCode.quotaExceeded);
    writer.destroy();
    expect(reader.doc.getText('t').length).toBe(KB600.length);
    reader.destroy();

    const [a, b] = [connect(relay.wsUrl, other), connect(relay.wsUrl, other)];
    await Promise.all([whenSynced(a), whenSynced(b)]);
    a.doc.getText('t').insert(0, KB600);
    await eventually(() => b.doc.getText('t').length === KB600.length, 10_000, "the other workspace's write forwarded");
    a.destroy();
    b.destroy();

    // What the workspace holds is read back at start: it is still past its quota for another 600 KB.
    relay = await relay.restart();
    started.push(relay);
    const again = connect(relay.wsUrl, full);
    await whenSynced(again);
    expect(again.doc.getText('t').length).toBe(KB600.length);
    const closedAgain = closeCodeOf(again);
    again.doc.getText('t').insert(0, KB600);
    expect(await closedAgain).toBe(CloseCode.quotaExceeded);
    again.destroy();
  });
});

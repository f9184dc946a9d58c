import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WorkspaceRow } from '../store/db';
import { listRevocations, RelayAccessError } from './relayAccess';

const row = { id: 'ws-relay-access', token: 'a-token' } as WorkspaceRow;
const answering = (status: number, body: unknown = {}) =>
  vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'Retry-After': '3' } }));

afterEach(() => vi.unstubAllGlobals());

describe('the coordinator’s requests to the relay', () => {
  it('says the server is busy on a 429, not that the access expired', async () => {
    vi.stubGlobal('fetch', answering(429));
    const error = await listRevocations(row).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(RelayAccessError);
    expect((error as RelayAccessError).key).toBe('access.errors.busy');
  });

  it('still says a refusal is one', async () => {
    vi.stubGlobal('fetch', answering(401));
    const error = await listRevocations(row).catch((err: unknown) => err);
    expect((error as RelayAccessError).key).toBe('access.errors.refused');
  });
});

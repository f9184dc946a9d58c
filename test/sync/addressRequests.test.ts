// Signed HTTP requests are counted per address before any signature is checked: one address asking back to back is
// told to wait (429, Retry-After) and costs no more checks; another address, and the unsigned routes, go on.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRelayProcess, type RelayProcess } from '../support/relayProcess';
import { metricValue } from '../support/metrics';
import { newTestWorkspace, type TestWorkspace } from '../support/tokens';

let relay: RelayProcess;
let workspace: TestWorkspace;
beforeAll(async () => {
  // 2 a second, so a burst of 20.
  relay = await startRelayProcess({ env: { SIGNED_REQUESTS_PER_ADDRESS: '2' } });
  workspace = await newTestWorkspace();
});
afterAll(() => relay.stop());

/** GET `path` from the loopback address `from`, with a token signed by a key of nobody's workspace. */
function get(path: string, token: string, from = '127.0.0.1') {
  return new Promise<{ status: number; retryAfter: string | undefined }>((resolve, reject) => {
    const req = request(
      new URL(path, relay.url),
      { localAddress: from, headers: { authorization: `Bearer ${token}` }, agent: false },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('signed requests per address', () => {
  it('sends an address asking back to back to wait, before its tokens are checked; others go on', async () => {
    const stranger = await newTestWorkspace();
    const token = await stranger.token({ role: 'coordinator' });
    const journal = `journal?ws=${workspace.ws}`;
    const answers = [];
    for (let i = 0; i < 30; i++) answers.push(await get(journal, token));
    const statuses = answers.map((a) => a.status);
    // The burst's 20 are checked (and refused: another workspace's key); the rest wait, unchecked.
    expect(statuses.filter((s) => s === 403 || s === 401).length).toBeGreaterThanOrEqual(20);
    expect(statuses.slice(22)).toEqual(Array(8).fill(429));
    expect(Number(answers.at(-1)!.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(await metricValue(relay, 'maillage_refusals_total{reason="slowDown"}')).toBeGreaterThanOrEqual(8);
    // Another address is checked as usual, and the unsigned routes answer the first one.
    expect([401, 403]).toContain((await get(journal, token, '127.0.0.2')).status);
    expect((await fetch(`${relay.url}healthz`)).status).toBe(200);
  });
});

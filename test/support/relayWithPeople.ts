// A sync test file's set-up: the real relay, a test workspace, and a token for each person of the story.
import { afterAll, beforeAll } from 'vitest';
import type { Role } from '@maillage/shared';
import { startRelayProcess, type RelayProcess } from './relayProcess';
import { newTestWorkspace, type TestWorkspace } from './tokens';

/** Starts a relay and a workspace; `tokens` is filled with one token per person (member id → role). */
export async function startRelayWithPeople(
  tokens: Record<string, string>,
  people: Record<string, Role>,
): Promise<{ relay: RelayProcess; workspace: TestWorkspace }> {
  const relay = await startRelayProcess();
  const workspace = await newTestWorkspace();
  for (const [member, role] of Object.entries(people)) tokens[member] = await workspace.token({ member, role });
  return { relay, workspace };
}

/** The same, started before the file's tests and stopped after them; `relay` and `workspace` are read once started. */
export function useRelayWithPeople(people: Record<string, Role>) {
  let started: { relay: RelayProcess; workspace: TestWorkspace } | undefined;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    started = await startRelayWithPeople(tokens, people);
  });
  afterAll(() => started?.relay.stop());
  const ready = () => {
    if (!started) throw new Error('the relay is not started yet: read it inside a test');
    return started;
  };
  return {
    tokens,
    get relay() {
      return ready().relay;
    },
    get workspace() {
      return ready().workspace;
    },
    /** Restarts the relay on the same data and port; `relay` is the new process afterwards. */
    async restart(): Promise<void> {
      const current = ready();
      current.relay = await current.relay.restart();
    },
  };
}

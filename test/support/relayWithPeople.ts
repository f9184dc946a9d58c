// A sync test file's set-up: the real relay, a test workspace, and a token for each person of the story.
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

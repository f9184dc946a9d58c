// The relay's command line (Node flags + bundle), read from relay/launch.json by whoever starts the process.
import { readFileSync } from 'node:fs';

export function relayNodeArgs(repoRoot: string): string[] {
  return (JSON.parse(readFileSync(`${repoRoot}/relay/launch.json`, 'utf8')) as { nodeArgs: string[] }).nodeArgs;
}

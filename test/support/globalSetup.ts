// Tests run the relay as it ships: bundle it once before any test starts it.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function buildRelay(): void {
  execFileSync(process.execPath, ['scripts/build-relay.mjs'], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    stdio: 'inherit',
  });
}

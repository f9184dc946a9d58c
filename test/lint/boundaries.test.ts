// The dependency directions of ARCHITECTURE.md are ESLint errors (decision 0022): each rule is shown to fire on the
// import it forbids, and to let the allowed one through, so a config change that silently drops one fails here.
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The rule ids ESLint reports for `code` as if it were the file at `path` (relative to the workspace). */
async function rulesBroken(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${path}` });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

const uses = (name: string) => `\nexport const used = ${name};\n`;

describe('boundaries', () => {
  it('the relay imports @maillage/shared/sync and nothing else of shared', async () => {
    expect(
      await rulesBroken('relay/src/x.ts', `import { parseRoom } from '@maillage/shared/sync';${uses('parseRoom')}`),
    ).toEqual([]);
    for (const from of [
      '@maillage/shared',
      '@maillage/shared/docs',
      '@maillage/shared/domain',
      '../../shared/src/sync/rooms',
    ]) {
      expect(await rulesBroken('relay/src/x.ts', `import { a } from '${from}';${uses('a')}`)).toEqual([
        'no-restricted-imports',
      ]);
    }
  });

  it('the client and the relay never import each other', async () => {
    expect(
      await rulesBroken('relay/src/x.ts', `import { a } from '../../client/src/sync/docSync';${uses('a')}`),
    ).toEqual(['no-restricted-imports']);
    expect(await rulesBroken('client/src/x.ts', `import { a } from '../../relay/src/rooms';${uses('a')}`)).toEqual([
      'no-restricted-imports',
    ]);
    expect(await rulesBroken('client/src/x.ts', `import { a } from '@maillage/shared';${uses('a')}`)).toEqual([]);
  });

  it('shared imports no React, no Node built-in and no other package of the workspace, and touches no DOM', async () => {
    for (const from of [
      'react',
      'react-dom/client',
      '@tiptap/core',
      'node:fs',
      '@maillage/client',
      '../../../client/src/x',
    ]) {
      expect(await rulesBroken('shared/src/sync/x.ts', `import { a } from '${from}';${uses('a')}`)).toEqual([
        'no-restricted-imports',
      ]);
    }
    expect(await rulesBroken('shared/src/docs/x.ts', `export const w = window.innerWidth;\n`)).toEqual([
      'no-restricted-globals',
    ]);
    expect(await rulesBroken('shared/src/docs/x.ts', `import { z } from 'zod';${uses('z')}`)).toEqual([]);
  });
});

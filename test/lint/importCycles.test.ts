// No import loops inside a package: a loop makes module order matter and hides which file owns what (issue 17).
// Type-only imports are left out, as the build drops them; dpdm reads the imports as TypeScript resolves them.
import { fileURLToPath } from 'node:url';
import { parseCircular, parseDependencyTree } from 'dpdm';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

async function cyclesFrom(entry: string): Promise<string[][]> {
  const tree = await parseDependencyTree(entry, {
    cwd: root,
    context: root,
    tsconfig: `${root}/tsconfig.base.json`,
    transform: true,
    skipDynamicImports: false,
    include: /\.(ts|tsx)$/,
    exclude: /node_modules/,
  });
  return parseCircular(tree);
}

describe('import cycles', () => {
  for (const entry of ['client/src/main.tsx', 'relay/src/main.ts', 'shared/src/index.ts'])
    it(`none from ${entry}`, async () => {
      expect(await cyclesFrom(entry)).toEqual([]);
    });

  it('are found when there is one', async () => {
    const cycles = await cyclesFrom('test/lint/fixtures/cycle/a.ts');
    expect(cycles).toEqual([['test/lint/fixtures/cycle/a.ts', 'test/lint/fixtures/cycle/b.ts']]);
  });
});

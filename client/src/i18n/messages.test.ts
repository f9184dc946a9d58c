// Every error key the shared schemas can return has a French and an English message.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fr } from './fr';
import { en } from './en';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : []));
}

describe('messages', () => {
  const keys = new Set(sourceFiles(join(__dirname, '../../../shared/src')).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/'errors\.(\w+)'/g)].map((m) => m[1]!)));

  it('finds the error keys of the shared schemas', () => {
    expect(keys.size).toBeGreaterThan(15);
  });

  it.each(['fr', 'en'] as const)('has every shared error key in %s', (lang) => {
    const errors = (lang === 'fr' ? fr : en).errors as Record<string, string>;
    expect([...keys].filter((k) => !errors[k])).toEqual([]);
  });
});

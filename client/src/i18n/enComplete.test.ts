// English has every French key and no other: each en/ file mirrors its fr/ file, and en.ts merges them all.
import { describe, expect, it } from 'vitest';
import { en } from './en';

const frFiles = import.meta.glob<Record<string, object>>('./fr/*.ts', { eager: true });
const enFiles = import.meta.glob<Record<string, object>>('./en/*.ts', { eager: true });

function paths(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix];
  return Object.entries(value as object).flatMap(([k, v]) => paths(v, prefix ? `${prefix}.${k}` : k));
}

const sorted = (list: string[]) => [...new Set(list)].sort();

describe('English strings', () => {
  it('has one file per French file', () => {
    expect(Object.keys(enFiles).map((f) => f.replace('./en/', ''))).toEqual(
      Object.keys(frFiles).map((f) => f.replace('./fr/', '')),
    );
  });

  it('has every French key, and only those', () => {
    const french = sorted(Object.values(frFiles).flatMap((m) => Object.values(m).flatMap((v) => paths(v))));
    expect(french.length).toBeGreaterThan(500);
    expect(sorted(paths(en))).toEqual(french);
  });
});

// Every error key the shared schemas can return has a French and an English message.
import { describe, expect, it } from 'vitest';
import { fr } from './fr';
import { en } from './en';
import { frQualityScreens } from './fr/qualityScreens';
import { frCrisisPlanScreens } from './fr/crisisPlanScreens';
import { frCrisisScreens } from './fr/crisisScreens';
import { frRcpScreens } from './fr/rcpScreens';
import { frAdverseScreens } from './fr/adverseScreens';
import { CloseCode } from '@maillage/shared';

const sources = import.meta.glob<string>(['../../../shared/src/**/*.ts', '!../../../shared/src/**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('messages', () => {
  const keys = new Set(
    Object.values(sources).flatMap((text) => [...text.matchAll(/'errors\.(\w+)'/g)].map((m) => m[1]!)),
  );

  it('finds the error keys of the shared schemas', () => {
    expect(keys.size).toBeGreaterThan(15);
  });

  it.each(['fr', 'en'] as const)('has every shared error key in %s', (lang) => {
    // Errors only some screens can raise load with those screens' strings (the ACI annex's with the quality screen, the
    // crisis plan's, the crisis cell's, the fiche RCP's, the quality plan's), off the first screen.
    const screens = [frQualityScreens, frCrisisPlanScreens, frCrisisScreens, frRcpScreens, frAdverseScreens];
    const errors: Record<string, string> =
      lang === 'fr' ? Object.assign({}, fr.errors, ...screens.map((s) => s.errors)) : en.errors;
    expect([...keys].filter((k) => !errors[k])).toEqual([]);
  });

  it.each(['fr', 'en'] as const)('has a message for every close code in %s', (lang) => {
    const close: Record<string, string> = (lang === 'fr' ? fr : en).close;
    expect(Object.keys(CloseCode).filter((name) => !close[name])).toEqual([]);
  });
});

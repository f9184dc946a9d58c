// Axe on the page as it is: axe-core is injected once per loaded document and runs in the page. AxeBuilder
// (@axe-core/playwright) injects it again at every check and finishes each run in a new blank page, which took a
// third of a long spec's time (docs/decisions/0031).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Page } from '@playwright/test';

interface Violation {
  impact: string | null;
  text: string;
}

/** What the page sees once axe-core is injected (its types are not this package's dependency). */
interface AxeWindow {
  axe: {
    run(
      context: Document,
      options: object,
    ): Promise<{
      violations: { id: string; impact?: string | null; nodes: { target: string[] }[] }[];
    }>;
  };
}

// axe-core is @axe-core/playwright's own dependency: the same version AxeBuilder would inject.
const fromAxePlaywright = createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright'));
const AXE_SOURCE = readFileSync(fromAxePlaywright.resolve('axe-core/axe.min.js'), 'utf8');

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa'];

/** Every violation, each as « impact: rule — targets »; `tags: null` runs every rule. */
export async function violations(page: Page, tags: string[] | null = WCAG_TAGS): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  // Only violations are read: axe then skips collecting every passing node, about half of its time.
  const options = { resultTypes: ['violations'], ...(tags ? { runOnly: { type: 'tag', values: tags } } : {}) };
  const results = await page.evaluate(
    (runOptions) => (window as unknown as AxeWindow).axe.run(document, runOptions),
    options,
  );
  return results.violations.map(({ id, impact, nodes }) => ({
    impact: impact ?? null,
    text: `${id} — ${nodes.map((n) => n.target.join(' ')).join(', ')}`,
  }));
}

/** The serious and critical violations, each as « rule — targets ». */
export async function seriousViolations(page: Page, tags: string[] | null = WCAG_TAGS): Promise<string[]> {
  return (await violations(page, tags))
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => v.text);
}

/** No untranslated key of `keys` (the screen's i18n bundles) shows, and axe finds nothing serious. */
export async function expectNoSeriousViolations(page: Page, screen: string, keys?: RegExp): Promise<void> {
  if (keys) await expect(page.locator('body')).not.toContainText(keys);
  expect((await seriousViolations(page)).map((v) => `${screen}: ${v}`)).toEqual([]);
}

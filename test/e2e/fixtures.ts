// Playwright fixtures: a real relay per test (fresh DATA_DIR) serving the built client, and onboarded users.
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Browser, type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import { startRelayProcess } from '../support/relayProcess';

const STATIC_DIR = fileURLToPath(new URL('../../client/dist', import.meta.url));

type Relay = Awaited<ReturnType<typeof startRelayProcess>>;

export interface User {
  context: BrowserContext;
  page: Page;
  name: string;
}

export interface UserOptions {
  /**
   * Installs the service worker, as every real browser does: only a user who reloads or opens a screen offline needs it
   * (the spec's config blocks it elsewhere, docs/decisions/0031).
   */
  worksOffline?: boolean;
}

interface Fixtures {
  /** Settings of the test's relay beyond its defaults (`test.use({ relayEnv: { WORKSPACES: 'first' } })`). */
  relayEnv: Record<string, string>;
  relay: Relay;
  /** A new browser context (its own IndexedDB), onboarded with a name and a profession. */
  newUser: (name: string, profession?: string, options?: UserOptions) => Promise<User>;
}

/** From the first screen of a new device: « Créer l'espace de la CPTS », then who they are. */
export async function onboard(page: Page, name: string, profession = 'Infirmier·ère'): Promise<void> {
  await page.getByRole('button', { name: 'Créer l’espace de la CPTS' }).click();
  await page.getByLabel('Votre nom').fill(name);
  await page.getByLabel('Profession').selectOption({ label: profession });
  await page.getByRole('button', { name: 'Continuer' }).click();
  // The form leaves once the profile is saved: navigating earlier would abort the save.
  await expect(page.getByRole('heading', { name: 'Qui êtes-vous ?' })).toBeHidden();
}

async function openUser(
  browser: Browser,
  relay: Relay,
  name: string,
  profession?: string,
  { worksOffline = false }: UserOptions = {},
): Promise<User> {
  const context = await browser.newContext({
    baseURL: relay.url,
    ...(worksOffline ? { serviceWorkers: 'allow' as const } : {}),
  });
  const page = await context.newPage();
  await page.goto('/');
  await onboard(page, name, profession);
  return { context, page, name };
}

/** The page as it was, saved beside error-context.md (`<user>.png`) and named with its address in the report. */
async function attachPage({ name, page }: User, testInfo: TestInfo): Promise<void> {
  const path = testInfo.outputPath(`${name.replace(/[^\p{L}\p{N}]+/gu, '-')}.png`);
  const saved = await page.screenshot({ path, timeout: 5_000 }).then(
    () => true,
    () => false,
  );
  if (saved) await testInfo.attach(`${name} — ${page.url()}`, { path, contentType: 'image/png' });
}

export const test = base.extend<Fixtures>({
  relayEnv: [{}, { option: true }],
  relay: async ({ relayEnv }, use) => {
    const relay = await startRelayProcess({ env: { STATIC_DIR, ...relayEnv } });
    await use(relay);
    await relay.stop();
  },
  newUser: async ({ browser, relay }, use, testInfo) => {
    const users: User[] = [];
    await use(async (name, profession, options) => {
      const user = await openUser(browser, relay, name, profession, options);
      users.push(user);
      return user;
    });
    // A failure keeps what every user's page showed, and where: error-context.md holds one page's snapshot only.
    if (testInfo.status !== testInfo.expectedStatus) await Promise.all(users.map((u) => attachPage(u, testInfo)));
    await Promise.all(users.map((u) => u.context.close()));
  },
});

export { expect };

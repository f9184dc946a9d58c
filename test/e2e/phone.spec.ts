// On a phone (390 px, where members declare and read on the go) no screen is wider than the screen: wide tables
// scroll inside their frame, the header wraps.
import { test, expect } from './fixtures';
import { createWorkspace, newProtocol, openSection } from './steps';
import type { Page } from '@playwright/test';

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test('catalogue, protocol and coordination file fit a phone’s width', async ({ newUser }) => {
  const { page } = await newUser('Alice Martin', 'Médecin généraliste');
  await page.setViewportSize({ width: 390, height: 844 });
  const workspace = await createWorkspace(page, 'CPTS du Val de Loire et des coteaux du Layon');
  expect(await overflow(page)).toBe(0);

  await newProtocol(page);
  await page.getByRole('button', { name: 'Ajouter : étape' }).click();
  await expect(page.getByLabel('Quoi (étape 1)', { exact: true })).toBeVisible();
  expect(await overflow(page)).toBe(0);
  // The steps table is wider than the phone: it scrolls in its frame, its cells still reachable.
  const frame = page.locator('.table-wrap').first();
  expect(await frame.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);

  await openSection(page, 'Dossiers');
  await page.getByText('Nouveau dossier de coordination').click();
  await expect(page.getByLabel('Initiales')).toBeVisible();
  expect(await overflow(page)).toBe(0);

  // The access journal is a wide table too: it scrolls in its frame.
  await page.goto(`${workspace}/acces`);
  await expect(page.getByRole('table', { name: "Journal d'accès" })).toBeVisible();
  expect(await overflow(page)).toBe(0);
});

// On a phone (390 px, where members declare and read on the go) no screen is wider than the screen: the steps are
// one card each, the catalogue's filters fold behind one button, wide tables scroll inside their frame, the header
// wraps.
import { test, expect } from './fixtures';
import { createWorkspace, invite, joinWorkspace, newProtocol, openSection, overflow } from './steps';

test('catalogue, protocol and coordination file fit a phone’s width', async ({ newUser }) => {
  const { page } = await newUser('Alice Martin-Delacroix', 'Médecin généraliste');
  const bruno = await newUser('Bruno Lefèvre-Château', 'Pharmacien·ne');
  await page.setViewportSize({ width: 390, height: 844 });
  const workspace = await createWorkspace(page, 'CPTS du Val de Loire et des coteaux du Layon');
  await joinWorkspace(bruno.page, await invite(page));
  // Two long names online: their chips wrap instead of widening the page.
  await expect(page.getByRole('list', { name: 'En ligne dans l’espace' }).getByRole('listitem')).toHaveCount(2);
  expect(await overflow(page)).toBe(0);

  // The filters fold behind one button, which says how many are on.
  await openSection(page, 'Protocoles');
  const filters = page.getByRole('button', { name: 'Filtres' });
  await expect(page.getByLabel('Thème', { exact: true })).toBeHidden();
  await filters.click();
  await expect(filters).toHaveAttribute('aria-expanded', 'true');
  await page.getByLabel('Statut', { exact: true }).selectOption({ label: 'Brouillon' });
  await expect(page.getByRole('button', { name: 'Filtres (1)' })).toBeVisible();
  expect(await overflow(page)).toBe(0);

  await newProtocol(page);
  // The professions concerned, one a line: every box starts at the same left edge.
  const boxLefts = await page
    .getByRole('group', { name: 'Professions concernées' })
    .getByRole('checkbox')
    .evaluateAll((boxes) => new Set(boxes.map((b) => Math.round(b.getBoundingClientRect().left))).size);
  expect(boxLefts).toBe(1);
  await page.getByRole('button', { name: 'Ajouter : étape' }).click();
  await expect(page.getByLabel('Quoi (étape 1)', { exact: true })).toBeVisible();
  expect(await overflow(page)).toBe(0);
  // Each step is a card, its cells one under the other: nothing to scroll sideways.
  const frame = page.locator('.table-wrap').first();
  expect(await frame.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  const what = await page.getByLabel('Quoi (étape 1)', { exact: true }).boundingBox();
  const who = await page.getByLabel('Qui (étape 1)', { exact: true }).boundingBox();
  expect(what!.y).toBeGreaterThan(who!.y);
  expect(what!.width).toBeGreaterThan(250);
  // Its reading view keeps the steps' eight columns as a table, which scrolls inside its frame.
  await page.getByLabel('Quoi (étape 1)', { exact: true }).fill('Évaluer la plaie et mesurer l’IPS');
  await page.getByRole('link', { name: 'Lire / imprimer' }).click();
  await expect(page.getByRole('columnheader', { name: 'Pourquoi' })).toBeVisible();
  expect(await overflow(page)).toBe(0);
  await page.goBack();

  await openSection(page, 'Dossiers');
  await page.getByText('Nouveau dossier de coordination').click();
  await expect(page.getByLabel('Initiales')).toBeVisible();
  expect(await overflow(page)).toBe(0);

  // The access journal's detail is a wide table: it scrolls in its frame.
  await page.goto(`${workspace}/acces`);
  await expect(page.getByRole('list', { name: /^Journal résumé/ })).toBeVisible();
  await page.getByRole('button', { name: /^Voir le détail/ }).click();
  await expect(page.getByRole('table', { name: 'Détail du journal d’accès' })).toBeVisible();
  expect(await overflow(page)).toBe(0);
});

import { test, expect } from './fixtures';
import { createWorkspace, openSection } from './steps';

test('screenshots', async ({ newUser }) => {
  test.setTimeout(300_000);
  const alice = await newUser('Alice Martin', 'Médecin généraliste');
  const page = alice.page;
  const ws = await createWorkspace(page, 'CPTS du Pays de Tulle');
  await openSection(page, 'Plan de crise');
  await page.getByRole('button', { name: 'Créer le plan à partir du modèle national' }).click();
  await page.getByRole('button', { name: 'Créer le plan', exact: true }).click();
  await page.waitForTimeout(1500);
  const plan = page.url();
  const screens: [string, string][] = [
    ['home', ws],
    ['plans', `${ws}/plan-de-crise`],
    ['plan', plan],
    ['quality', `${ws}/qualite`],
    ['device', `${ws}/appareil`],
    ['events', `${ws}/evenements`],
    ['concertations', `${ws}/concertations`],
  ];
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    for (const [name, url] of screens) {
      await page.goto(url);
      await page.waitForTimeout(1500);
      await page.screenshot({ path: `/tmp/shots/${name}-${width}.png`, fullPage: name !== 'plan' });
    }
  }
  expect(true).toBe(true);
});

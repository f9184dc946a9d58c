// Starting a protocol: from the HAS template (every section laid out, its guidance a hint that never prints), or from
// an existing one (duplicate).
import { test, expect } from './fixtures';
import { body, createWorkspace, openSection, typeInBody } from './steps';

test('a protocol starts from the HAS template, and another from a duplicate of it', async ({ newUser }) => {
  const alice = await newUser('Alice Martin', 'Médecin généraliste');
  await createWorkspace(alice.page, 'CPTS Méthodique');
  await openSection(alice.page, 'Protocoles');
  await alice.page.getByRole('button', { name: 'Protocole depuis le modèle HAS' }).click();
  // Ten sections in the text; steps, references and indicators are the tables below it, each shown once.
  await expect(body(alice.page).getByRole('heading', { level: 2 })).toHaveCount(10);
  await expect(body(alice.page).getByRole('heading', { name: 'Population cible' })).toBeVisible();
  await expect(body(alice.page).getByRole('heading', { name: 'Étapes' })).toHaveCount(0);
  await expect(alice.page.getByRole('heading', { name: 'Étapes', exact: true })).toHaveCount(1);
  // The guidance is a hint inside each empty section, not text of the protocol.
  const hint = body(alice.page).locator('.section-hint', { hasText: 'Critères d’inclusion, critères d’exclusion.' });
  await expect(hint).toBeVisible();
  await body(alice.page).getByRole('heading', { name: 'Population cible' }).click();
  await alice.page.keyboard.press('End');
  await alice.page.keyboard.press('ArrowDown');
  await alice.page.keyboard.type('Patients sous AVK de plus de 75 ans.');
  await expect(hint).toHaveCount(0);
  await alice.page.getByLabel('Titre', { exact: true }).fill('Insuffisance cardiaque');
  await alice.page.getByLabel('Thème', { exact: true }).fill('Parcours');
  await typeInBody(alice.page, ' Sortie d’hospitalisation.');

  // Printed from the editor itself, it shows what is written: no button, no hint to type, no table without rows.
  const page = alice.page;
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Ajouter : étape' })).toBeHidden();
  await expect(page.getByRole('table', { name: 'Étapes' })).toBeHidden();
  await expect(page.getByText('Aucune ligne pour le moment.').first()).toBeVisible();
  await expect(page.getByRole('group', { name: 'Prochaine révision' })).toBeHidden();
  await page.getByLabel('Thème', { exact: true }).fill('');
  const typingHint = await page
    .getByLabel('Thème', { exact: true })
    .evaluate((el) => getComputedStyle(el, '::placeholder').color);
  expect(typingHint).toBe('rgba(0, 0, 0, 0)');
  await page.getByLabel('Thème', { exact: true }).fill('Parcours');
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByRole('button', { name: 'Ajouter : étape' })).toBeVisible();

  // What prints holds what was written and none of the guidance.
  await alice.page.getByRole('link', { name: 'Lire / imprimer' }).click();
  const sheet = alice.page.locator('article.print-sheet');
  await expect(sheet).toContainText('Patients sous AVK de plus de 75 ans.');
  await expect(sheet.getByRole('heading', { name: 'Origine du besoin' })).toBeVisible();
  for (const guidance of ['Critères d’exclusion', 'Ce qui a conduit l’équipe', 'Auprès de qui, comment'])
    await expect(sheet).not.toContainText(guidance);

  await openSection(alice.page, 'Protocoles');
  await alice.page.getByRole('button', { name: 'Dupliquer : Insuffisance cardiaque' }).click();
  await expect(alice.page.getByLabel('Titre', { exact: true })).toHaveValue('Copie de Insuffisance cardiaque');
  await expect(alice.page.getByLabel('Thème', { exact: true })).toHaveValue('Parcours');
  await expect(body(alice.page)).toContainText('Sortie d’hospitalisation.');
  await expect(body(alice.page).getByRole('heading', { level: 2 })).toHaveCount(10);
  await openSection(alice.page, 'Protocoles');
  await expect(alice.page.getByRole('list', { name: 'Protocoles' }).getByRole('listitem')).toHaveCount(2);
});

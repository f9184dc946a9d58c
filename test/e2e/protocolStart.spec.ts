// Starting a protocol: from the HAS template (every section laid out), or from an existing one (duplicate).
import { test, expect } from './fixtures';
import { body, createWorkspace, openSection, typeInBody } from './steps';

test('a protocol starts from the HAS template, and another from a duplicate of it', async ({ newUser }) => {
  const alice = await newUser('Alice Martin', 'Médecin généraliste');
  await createWorkspace(alice.page, 'CPTS Méthodique');
  await openSection(alice.page, 'Protocoles');
  await alice.page.getByRole('button', { name: 'Protocole depuis le modèle HAS' }).click();
  await expect(body(alice.page).getByRole('heading', { level: 2 })).toHaveCount(13);
  await expect(body(alice.page).getByRole('heading', { name: 'Population cible' })).toBeVisible();
  await expect(body(alice.page)).toContainText('Critères d’inclusion, critères d’exclusion.');
  await alice.page.getByLabel('Titre', { exact: true }).fill('Insuffisance cardiaque');
  await alice.page.getByLabel('Thème', { exact: true }).fill('Parcours');
  await typeInBody(alice.page, ' Sortie d’hospitalisation.');

  await openSection(alice.page, 'Protocoles');
  await alice.page.getByRole('button', { name: 'Dupliquer : Insuffisance cardiaque' }).click();
  await expect(alice.page.getByLabel('Titre', { exact: true })).toHaveValue('Copie de Insuffisance cardiaque');
  await expect(alice.page.getByLabel('Thème', { exact: true })).toHaveValue('Parcours');
  await expect(body(alice.page)).toContainText('Sortie d’hospitalisation.');
  await expect(body(alice.page).getByRole('heading', { level: 2 })).toHaveCount(13);
  await openSection(alice.page, 'Protocoles');
  await expect(alice.page.getByRole('list', { name: 'Protocoles' }).getByRole('listitem')).toHaveCount(2);
});

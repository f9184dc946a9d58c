// The annuaire: members appear, fill in their entry, find each other, and take the list away (CSV, vCard).
import { readFile } from 'node:fs/promises';
import { seriousViolations } from './axe';
import { test, expect } from './fixtures';
import { createWorkspace, invite, joinWorkspace } from './steps';

test('members fill in their entry, colleagues search, filter and export the annuaire', async ({ newUser }) => {
  const alice = await newUser('Alice Martin', 'Médecin généraliste');
  const bruno = await newUser('Bruno Lefèvre', 'Infirmier·ère');
  const workspace = await createWorkspace(
    alice.page,
    'CPTS de la Vézère',
    'Montignac, Terrasson-Lavilledieu\nMontignac',
  );
  await expect(alice.page.getByText('Territoire : Montignac, Terrasson-Lavilledieu')).toBeVisible();
  const link = await invite(alice.page);
  await joinWorkspace(bruno.page, link);
  // The annuaire stays open on every workspace screen: its presence is who is online in the workspace.
  await expect(alice.page.getByRole('list', { name: 'En ligne dans l’espace' })).toContainText('Bruno Lefèvre');

  await bruno.page.getByRole('link', { name: 'Annuaire' }).click();
  await expect(bruno.page.getByRole('heading', { name: 'Annuaire' })).toBeVisible();
  await bruno.page.getByRole('button', { name: 'Ma fiche' }).click();
  const form = bruno.page.getByRole('form', { name: 'Ma fiche' });
  await form.getByLabel('Téléphone').fill('12 34');
  await form.getByLabel('Messagerie sécurisée (MSSanté)').fill('bruno@gmail.com');
  await form.getByRole('button', { name: 'Enregistrer ma fiche' }).click();
  await expect(form.getByText('Numéro de téléphone invalide')).toBeVisible();
  await expect(form.getByText('Adresse MSSanté invalide')).toBeVisible();
  await form.getByLabel('Téléphone').fill('+33 5.55.12.34.56');
  await form.getByLabel('Messagerie sécurisée (MSSanté)').fill('bruno.lefevre@infirmier.mssante.fr');
  await form.getByLabel('Commune').fill('Terrasson-Lavilledieu');
  await form.getByLabel(/Compétences/).fill('Plaies et cicatrisation, ETP');
  await form.getByRole('button', { name: 'Enregistrer ma fiche' }).click();
  await expect(bruno.page.getByText('Votre fiche est enregistrée')).toBeVisible();

  await alice.page.goto(`${workspace}/annuaire`);
  await alice.page.getByRole('button', { name: 'Ma fiche' }).click();
  const aliceForm = alice.page.getByRole('form', { name: 'Ma fiche' });
  await aliceForm.getByLabel('Commune').fill('Montignac');
  await aliceForm.getByLabel('Accepte de nouveaux patients comme médecin traitant').selectOption('Oui');
  await aliceForm.getByRole('button', { name: 'Enregistrer ma fiche' }).click();

  const list = alice.page.getByRole('list', { name: 'Annuaire' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByText('05 55 12 34 56')).toBeVisible();
  await alice.page.getByLabel(/Rechercher/).fill('cicatrisation');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('Bruno Lefèvre');
  await alice.page.getByLabel(/Rechercher/).fill('lefevre');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await alice.page.getByLabel(/Rechercher/).fill('');
  await alice.page.getByLabel('Profession', { exact: true }).selectOption({ label: 'Médecin généraliste' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('Alice Martin');
  await alice.page.getByLabel('Profession', { exact: true }).selectOption({ label: 'Toutes' });
  await alice.page.getByLabel('Commune', { exact: true }).selectOption('Terrasson-Lavilledieu');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await alice.page.getByLabel('Commune', { exact: true }).selectOption({ label: 'Toutes' });

  await alice.page.getByRole('button', { name: 'Médecins acceptant de nouveaux patients' }).click();
  await expect(alice.page.getByRole('heading', { name: 'Montignac' })).toBeVisible();
  await expect(alice.page.getByRole('list', { name: 'Montignac' })).toContainText('Alice Martin');
  await alice.page.getByRole('button', { name: 'Tous les membres' }).click();

  const [csv] = await Promise.all([
    alice.page.waitForEvent('download'),
    alice.page.getByRole('button', { name: 'Exporter pour un tableur' }).click(),
  ]);
  const text = await readFile((await csv.path())!, 'utf8');
  expect(csv.suggestedFilename()).toBe('annuaire.csv');
  expect(text).toContain('Nom et prénom;Profession;');
  expect(text).toContain(
    'Bruno Lefèvre;Infirmier·ère;;;;Terrasson-Lavilledieu;05 55 12 34 56;bruno.lefevre@infirmier.mssante.fr;Plaies et cicatrisation, ETP;',
  );
  const [vcf] = await Promise.all([
    alice.page.waitForEvent('download'),
    alice.page.getByRole('button', { name: 'Ajouter à mes contacts' }).click(),
  ]);
  expect((await readFile((await vcf.path())!, 'utf8')).match(/BEGIN:VCARD/g)).toHaveLength(2);

  expect(await seriousViolations(alice.page, null)).toEqual([]);
});

// Invitations: a member joins and writes, an observer only reads, a forged link joins nothing.
import AxeBuilder from '@axe-core/playwright';
import { onboard, test, expect } from './fixtures';
import { body, createWorkspace, docStatus, invite, joinWorkspace, newProtocol, typeInBody } from './steps';

test('an observer reads the protocol but cannot edit it', async ({ newUser }) => {
  const alice = await newUser('Alice Martin', 'Médecin généraliste');
  const ars = await newUser('Agent ARS', 'Autre');
  await createWorkspace(alice.page, 'CPTS Observée');
  const link = await invite(alice.page, 'Observateur·rice (lecture seule)');
  const protocol = await newProtocol(alice.page);
  await typeInBody(alice.page, 'Version diffusée aux partenaires.');

  await joinWorkspace(ars.page, link);
  await expect(ars.page.getByRole('button', { name: 'Nouveau protocole' })).toHaveCount(0);
  await ars.page.goto(protocol);
  await expect(docStatus(ars.page)).toHaveAttribute('data-state', 'synced');
  await expect(body(ars.page)).toContainText('Version diffusée aux partenaires.');
  await expect(body(ars.page)).toHaveAttribute('contenteditable', 'false');
  await expect(ars.page.getByLabel('Titre', { exact: true })).toBeDisabled();
  await expect(ars.page.getByText('Vous êtes observateur·rice')).toBeVisible();
});

test('a forged invitation link is refused and joins nothing', async ({ newUser }) => {
  const alice = await newUser('Alice Martin');
  const mallory = await newUser('Mallory');
  await createWorkspace(alice.page, 'CPTS Protégée');
  const link = await invite(alice.page);
  const forged = link.slice(0, -6) + (link.endsWith('AAAAAA') ? 'BBBBBB' : 'AAAAAA');
  await mallory.page.goto(forged);
  await expect(mallory.page.getByRole('alert')).toContainText("Ce lien d'invitation n'est pas valide");
  await mallory.page.goto('/');
  await expect(mallory.page.getByText('Aucun espace de travail sur cet appareil')).toBeVisible();
  await mallory.page.goto(new URL(alice.page.url()).pathname);
  await expect(mallory.page.getByText("Cet espace de travail n'est pas sur cet appareil")).toBeVisible();
});

test('the coordinator revokes a member: cut off at once, refused after a reload, and it is in the journal', async ({ newUser }) => {
  const alice = await newUser('Alice Martin', 'Médecin généraliste');
  const bruno = await newUser('Bruno Lefèvre');
  const workspace = await createWorkspace(alice.page, 'CPTS Vigilante');
  const link = await invite(alice.page);
  await joinWorkspace(bruno.page, link);
  await newProtocol(bruno.page);
  await typeInBody(bruno.page, 'Brouillon de Bruno.');
  await expect(docStatus(bruno.page)).toHaveAttribute('data-state', 'synced');

  await alice.page.goto(`${workspace}/acces`);
  const members = alice.page.getByRole('list', { name: 'Membres' });
  await expect(members.getByRole('listitem')).toHaveCount(2);
  alice.page.once('dialog', (dialog) => void dialog.accept());
  await members.getByRole('button', { name: "Révoquer l'accès de Bruno Lefèvre" }).click();
  await expect(alice.page.getByText("L'accès de Bruno Lefèvre est révoqué")).toBeVisible();
  await expect(members.getByText('accès révoqué')).toBeVisible();

  await expect(docStatus(bruno.page)).toContainText('accès révoqué');
  await bruno.page.reload();
  await expect(docStatus(bruno.page)).toContainText('accès révoqué');
  await expect(body(bruno.page)).toContainText('Brouillon de Bruno.');

  const journal = alice.page.getByRole('table');
  await expect(journal).toContainText('révocation (Bruno Lefèvre)');
  await alice.page.getByRole('combobox', { name: 'Membre' }).selectOption({ label: 'Bruno Lefèvre' });
  await expect(journal.getByRole('row').filter({ hasText: 'refus' }).first()).toContainText('Bruno Lefèvre');
  await expect(journal).toContainText('Nouveau protocole');
  // By document: Bruno's entries in the annuaire only, then nothing from a day that has not come yet (Paris days).
  await alice.page.getByRole('combobox', { name: 'Document' }).selectOption({ label: 'Annuaire' });
  await expect(journal.getByRole('row').nth(1)).toContainText('Annuaire');
  await expect(journal).not.toContainText('Nouveau protocole');
  await alice.page.getByRole('combobox', { name: 'Document' }).selectOption({ label: 'Tous' });
  await expect(journal).toContainText('Nouveau protocole');
  const tomorrow = new Date(Date.now() + 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Europe/Paris' });
  await alice.page.getByLabel('Du').fill(tomorrow);
  await expect(alice.page.getByText('Aucune entrée pour ces critères.')).toBeVisible();
  await alice.page.getByLabel('Du').fill('');
  await expect(journal).toContainText('Nouveau protocole');
  const axe = await new AxeBuilder({ page: alice.page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
});

test('a second coordinator gets a key of their own: they invite and revoke without the first device', async ({ newUser }) => {
  const alice = await newUser('Alice Martin', 'Médecin généraliste');
  const claire = await newUser('Claire Faure', 'Coordinateur·rice');
  const denis = await newUser('Denis Roux');
  await createWorkspace(alice.page, 'CPTS Résiliente');
  const coordinatorLink = await invite(alice.page, 'Coordinateur·rice');
  expect(coordinatorLink).toContain('~');
  // The first device goes away: everything below happens without it.
  await alice.context.close();

  await joinWorkspace(claire.page, coordinatorLink);
  const protocol = await newProtocol(claire.page);
  await typeInBody(claire.page, 'Protocole repris par Claire.');
  await claire.page.goto(protocol.replace(/\/protocols\/.*$/, ''));
  const memberLink = await invite(claire.page);
  expect(memberLink).not.toContain('~');

  await joinWorkspace(denis.page, memberLink);
  await denis.page.goto(protocol);
  await expect(docStatus(denis.page)).toHaveAttribute('data-state', 'synced');
  await expect(body(denis.page)).toContainText('Protocole repris par Claire.');

  await claire.page.goto(`${protocol.replace(/\/protocols\/.*$/, '')}/acces`);
  claire.page.once('dialog', (dialog) => void dialog.accept());
  await claire.page.getByRole('button', { name: "Révoquer l'accès de Denis Roux" }).click();
  await expect(docStatus(denis.page)).toContainText('accès révoqué');
});

test('a member adds their own second device from the first', async ({ newUser, browser, relay }) => {
  const alice = await newUser('Alice Martin', 'Médecin généraliste');
  const bruno = await newUser('Bruno Lefèvre');
  await createWorkspace(alice.page, 'CPTS Nomade');
  await joinWorkspace(bruno.page, await invite(alice.page));
  const protocol = await newProtocol(bruno.page);
  await typeInBody(bruno.page, 'Écrit sur le portable.');
  await bruno.page.goto(protocol.replace(/\/protocols\/.*$/, ''));
  await bruno.page.getByRole('button', { name: 'Ajouter un appareil' }).click();
  await expect(bruno.page.getByRole('img', { name: /QR code du lien pour mon autre appareil/ })).toBeVisible();
  const link = await bruno.page.getByRole('textbox', { name: 'Lien pour mon autre appareil' }).inputValue();

  const phone = await browser.newContext({ baseURL: relay.url });
  const page = await phone.newPage();
  await page.goto('/');
  await onboard(page, 'Bruno Lefèvre');
  await joinWorkspace(page, link);
  await page.goto(protocol);
  await expect(body(page)).toContainText('Écrit sur le portable.');
  await phone.close();
});

test('the root key is saved encrypted at creation and restores the workspace on a new device', async ({ newUser }) => {
  const alice = await newUser('Alice Martin', 'Médecin généraliste');
  const workspace = await createWorkspace(alice.page, 'CPTS Sauvegardée');
  const backup = alice.page.getByRole('form', { name: "Sauvegardez la clé de l'espace" });
  await backup.getByLabel('Phrase de passe', { exact: true }).fill('trop court');
  await backup.getByRole('button', { name: 'Télécharger la sauvegarde chiffrée' }).click();
  await expect(backup.getByText('au moins 12 caractères')).toBeVisible();
  await backup.getByLabel('Phrase de passe', { exact: true }).fill('le pont de Montignac 1944');
  await backup.getByLabel('La même phrase de passe, encore').fill('le pont de Montignac 1944');
  const [download] = await Promise.all([alice.page.waitForEvent('download'), backup.getByRole('button', { name: 'Télécharger la sauvegarde chiffrée' }).click()]);
  await expect(backup).toHaveCount(0);
  // Kept outside the browser context, which deletes its downloads when it closes.
  const file = test.info().outputPath('cle-espace.json');
  await download.saveAs(file);
  await newProtocol(alice.page);
  await typeInBody(alice.page, 'Écrit avant la perte du téléphone.');
  await expect(docStatus(alice.page)).toHaveAttribute('data-state', 'synced');
  await alice.context.close();

  const again = await newUser('Alice Martin', 'Médecin généraliste');
  await again.page.getByRole('button', { name: 'Restaurer un espace depuis une sauvegarde de sa clé' }).click();
  await again.page.getByLabel('Fichier de sauvegarde (.json)').setInputFiles(file);
  await again.page.getByLabel('Phrase de passe').fill('une autre phrase');
  await again.page.getByRole('button', { name: "Restaurer l'espace" }).click();
  await expect(again.page.getByRole('alert')).toContainText('Phrase de passe incorrecte');
  await again.page.getByLabel('Phrase de passe').fill('le pont de Montignac 1944');
  await again.page.getByRole('button', { name: "Restaurer l'espace" }).click();
  await expect(again.page).toHaveURL(new RegExp(`${workspace}$`));
  await again.page.getByRole('link', { name: 'Nouveau protocole' }).click();
  await expect(body(again.page)).toContainText('Écrit avant la perte du téléphone.');
  // The restored device holds the key: it can invite again.
  await again.page.goBack();
  expect(await invite(again.page)).toMatch(/\/join#ey/);
});

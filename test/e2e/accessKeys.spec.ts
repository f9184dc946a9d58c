// Keys and devices: a second coordinator's own key, a lost device or key removed, a member's second device, the root
// key saved and restored.
import { seriousViolations } from './axe';
import { test, expect, type User } from './fixtures';
import { body, createWorkspace, docStatus, invite, joinWorkspace, newProtocol, typeInBody } from './steps';
import { confirmRemoval, expectRevoked } from './accessSteps';

/** What an invitation link carries beside its token (keys travel in the fragment, after « ~ »). */
const linkBundle = (link: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(link.split('~')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;

/** Alice (root device) invites Claire as a coordinator; Claire invites Denis with her own key; Denis writes a protocol. */
async function invitedByASecondCoordinator(
  newUser: (name: string, profession?: string) => Promise<User>,
  workspaceName: string,
) {
  const alice = await newUser('Alice Martin', 'Médecin généraliste');
  const claire = await newUser('Claire Faure', 'Coordinateur·rice');
  const denis = await newUser('Denis Roux');
  const workspace = await createWorkspace(alice.page, workspaceName);
  await joinWorkspace(claire.page, await invite(alice.page, 'Coordinateur·rice'));
  await joinWorkspace(denis.page, await invite(claire.page));
  const protocol = await newProtocol(denis.page);
  await expect(docStatus(denis.page)).toHaveAttribute('data-state', 'synced');
  return { alice, claire, denis, workspace, protocol };
}

test('a second coordinator gets a key of their own: they invite and revoke without the first device', async ({
  newUser,
}) => {
  const alice = await newUser('Alice Martin', 'Médecin généraliste');
  const claire = await newUser('Claire Faure', 'Coordinateur·rice');
  const denis = await newUser('Denis Roux');
  await createWorkspace(alice.page, 'CPTS Résiliente');
  const coordinatorLink = await invite(alice.page, 'Coordinateur·rice');
  expect(Object.keys(linkBundle(coordinatorLink)).sort()).toEqual(['dk', 'dlg', 'key']);
  // The first device goes away: everything below happens without it.
  await alice.context.close();

  await joinWorkspace(claire.page, coordinatorLink);
  const protocol = await newProtocol(claire.page);
  await typeInBody(claire.page, 'Protocole repris par Claire.');
  await claire.page.goto(protocol.replace(/\/protocols\/.*$/, ''));
  const memberLink = await invite(claire.page);
  // A delegate hands out no coordination key: the link brings only the invitee's device key.
  expect(Object.keys(linkBundle(memberLink))).toEqual(['dk']);

  await joinWorkspace(denis.page, memberLink);
  await denis.page.goto(protocol);
  await expect(docStatus(denis.page)).toHaveAttribute('data-state', 'synced');
  await expect(body(denis.page)).toContainText('Protocole repris par Claire.');

  await claire.page.goto(`${protocol.replace(/\/protocols\/.*$/, '')}/acces`);
  await claire.page.getByRole('button', { name: 'Retirer l’accès de Denis Roux' }).click();
  await confirmRemoval(claire.page, 'Retirer l’accès de Denis Roux ?');
  await expectRevoked(denis.page);
});

test('the coordinator removes a lost device from « Accès »: that browser is cut off and told why', async ({
  newUser,
}) => {
  const alice = await newUser('Alice Martin', 'Médecin généraliste');
  const bruno = await newUser('Bruno Lefèvre');
  const workspace = await createWorkspace(alice.page, 'CPTS Égarée');
  await joinWorkspace(bruno.page, await invite(alice.page));
  await newProtocol(bruno.page);
  await typeInBody(bruno.page, 'Écrit sur le téléphone perdu.');
  await expect(docStatus(bruno.page)).toHaveAttribute('data-state', 'synced');

  await alice.page.goto(`${workspace}/acces`);
  const members = alice.page.getByRole('list', { name: 'Membres' });
  await members.getByRole('button', { name: 'Appareils et accès de Bruno Lefèvre' }).click();
  const devices = alice.page.getByRole('list', { name: 'Appareils de Bruno Lefèvre' });
  await expect(devices.getByRole('listitem')).toHaveCount(1);
  await expect(devices).toContainText(/^Appareil utilisé pour la dernière fois le \d{1,2} [a-zéû.]+ à \d{2} h \d{2}/);
  await devices
    .getByRole('button', { name: /^Retirer l’appareil de Bruno Lefèvre utilisé pour la dernière fois le / })
    .click();
  await confirmRemoval(alice.page, /Il est déconnecté tout de suite et ne pourra plus se reconnecter/);
  await expect(alice.page.getByText('L’appareil de Bruno Lefèvre est retiré : il est déconnecté.')).toBeVisible();
  await expect(devices).toContainText('appareil retiré');
  await expectRevoked(bruno.page);
  await bruno.page.reload();
  await expectRevoked(bruno.page);
  expect(await seriousViolations(alice.page, null)).toEqual([]);
});

test('the root device removes a lost coordination key: whom it invited is cut off, and it signs nothing more', async ({
  newUser,
}) => {
  test.setTimeout(120_000); // three browsers on a loaded machine
  const { alice, claire, denis, workspace } = await invitedByASecondCoordinator(newUser, 'CPTS Prudente');

  await alice.page.goto(`${workspace}/acces`);
  const members = alice.page.getByRole('list', { name: 'Membres' });
  await members.getByRole('button', { name: 'Appareils et accès de Claire Faure' }).click();
  await expect(members).toContainText(/Clé de coordination remise le \d{1,2} [a-zéû.]+ à \d{2} h \d{2}/);
  await members.getByRole('button', { name: 'Retirer la clé de coordination de Claire Faure' }).click();
  await confirmRemoval(
    alice.page,
    'Les personnes invitées avec cette clé perdent aussi l’accès et devront être invitées à nouveau : Denis Roux.',
  );
  await expect(alice.page.getByText('La clé de coordination de Claire Faure est retirée.')).toBeVisible();
  await expect(members).toContainText('clé retirée');
  await expectRevoked(denis.page);

  // Claire keeps her own access (the root key signed it), but her key no longer signs anything.
  await claire.page.goto(`${workspace}/acces`);
  await claire.page.getByRole('button', { name: 'Retirer l’accès de Alice Martin' }).click();
  await confirmRemoval(claire.page, 'Retirer l’accès de Alice Martin ?');
  await expect(claire.page.getByRole('alert')).toContainText('La clé de coordination de cet appareil a été retirée');
});

test('removing a coordinator removes their key too: whom they invited is cut off, as the screen said', async ({
  newUser,
}) => {
  test.setTimeout(120_000); // three browsers on a loaded machine
  const { alice, claire, denis, workspace, protocol } = await invitedByASecondCoordinator(newUser, 'CPTS Ferme');
  await claire.page.goto(protocol);
  await expect(docStatus(claire.page)).toHaveAttribute('data-state', 'synced');

  await alice.page.goto(`${workspace}/acces`);
  await alice.page.getByRole('button', { name: 'Retirer l’accès de Claire Faure' }).click();
  await confirmRemoval(alice.page, /Sa clé de coordination ne pourra plus servir\..*: Denis Roux\./);
  await expect(alice.page.getByText('L’accès de Claire Faure est retiré')).toBeVisible();
  await expectRevoked(claire.page);
  await expectRevoked(denis.page);
});

test('a member adds their own second device: it asks nothing, has its own id, and shows them once', async ({
  newUser,
  browser,
  relay,
}) => {
  const alice = await newUser('Alice Martin', 'Médecin généraliste');
  const bruno = await newUser('Bruno Lefèvre');
  const workspace = await createWorkspace(alice.page, 'CPTS Nomade');
  await joinWorkspace(bruno.page, await invite(alice.page));
  const protocol = await newProtocol(bruno.page);
  await typeInBody(bruno.page, 'Écrit sur le portable.');
  await bruno.page.goto(workspace);
  await bruno.page.getByRole('button', { name: 'Ajouter un appareil' }).click();
  await expect(bruno.page.getByRole('img', { name: /QR code du lien pour mon autre appareil/ })).toBeVisible();
  const link = await bruno.page.getByRole('textbox', { name: 'Lien pour mon autre appareil' }).inputValue();

  // A new phone, never used: the link says whose access it joins with, and asks no name or profession.
  const phone = await browser.newContext({ baseURL: relay.url });
  const page = await phone.newPage();
  await page.goto(link);
  await expect(page.getByTestId('invitation-card')).toContainText(
    'Cet appareil rejoint « CPTS Nomade » avec votre accès : Bruno Lefèvre (infirmier·ère).',
  );
  await expect(page.getByLabel('Votre nom')).toHaveCount(0);
  await page.getByRole('button', { name: 'Ajouter cet appareil' }).click();
  await expect(page.getByRole('heading', { name: 'Accueil', level: 1 })).toBeVisible();

  // Bruno is online on two devices: one person in the workspace.
  await alice.page.goto(workspace);
  const online = alice.page.getByRole('list', { name: 'En ligne dans l’espace' });
  await expect(online.getByText('Bruno Lefèvre')).toHaveCount(1);
  await page.goto(protocol);
  await expect(body(page)).toContainText('Écrit sur le portable.');

  // The phone has a device id of its own: « Accès » lists two devices, each removable alone.
  await alice.page.goto(`${workspace}/acces`);
  await alice.page.getByRole('button', { name: 'Appareils et accès de Bruno Lefèvre' }).click();
  await expect(alice.page.getByRole('list', { name: 'Appareils de Bruno Lefèvre' }).getByRole('listitem')).toHaveCount(
    2,
  );
  await phone.close();
});

test('the root key is saved encrypted at creation and restores the workspace on a new device', async ({
  newUser,
  browser,
  relay,
}) => {
  const alice = await newUser('Alice Martin', 'Médecin généraliste');
  const workspace = await createWorkspace(alice.page, 'CPTS Sauvegardée');
  const backup = alice.page.getByRole('form', { name: 'Sauvegardez la clé de l’espace' });
  // Said plainly, the rule before anything is typed, each error under its own field.
  await expect(backup).toContainText('Ce fichier permet de récupérer l’espace si cet ordinateur est perdu');
  await expect(backup.getByLabel('Phrase de passe', { exact: true })).toHaveAccessibleDescription(
    /Au moins 12 caractères/,
  );
  await backup.getByLabel('Phrase de passe', { exact: true }).fill('trop court');
  await backup.getByRole('button', { name: 'Télécharger la sauvegarde' }).click();
  await expect(backup.getByLabel('Phrase de passe', { exact: true })).toHaveAccessibleDescription(/Trop courte/);
  await backup.getByLabel('Phrase de passe', { exact: true }).fill('le pont de Montignac 1944');
  await backup.getByLabel('La même phrase de passe, encore').fill('le pont de Montignac 1945');
  await backup.getByRole('button', { name: 'Télécharger la sauvegarde' }).click();
  await expect(backup.getByLabel('La même phrase de passe, encore')).toHaveAccessibleDescription(
    'Ce n’est pas la même phrase que ci-dessus.',
  );
  // Skipping is there, secondary, and says what it costs before anything is skipped.
  await backup.getByRole('button', { name: 'Ne pas sauvegarder maintenant' }).click();
  const skip = alice.page.getByRole('alertdialog').filter({ hasText: 'Sans ce fichier, si cet ordinateur est perdu' });
  await expect(skip.getByRole('button', { name: 'Annuler' })).toBeFocused();
  await skip.getByRole('button', { name: 'Annuler' }).click();
  await backup.getByLabel('La même phrase de passe, encore').fill('le pont de Montignac 1944');
  const [download] = await Promise.all([
    alice.page.waitForEvent('download'),
    backup.getByRole('button', { name: 'Télécharger la sauvegarde' }).click(),
  ]);
  await expect(
    alice.page.getByRole('status').filter({ hasText: 'Le fichier « maillage-cle-cpts-sauvegardée.json »' }),
  ).toBeVisible();
  await alice.page.getByRole('button', { name: 'C’est noté' }).click();
  await expect(alice.page.getByText('Sauvegarde téléchargée')).toHaveCount(0);
  // Kept outside the browser context, which deletes its downloads when it closes.
  const file = test.info().outputPath('cle-espace.json');
  await download.saveAs(file);
  await newProtocol(alice.page);
  await typeInBody(alice.page, 'Écrit avant la perte du téléphone.');
  await expect(docStatus(alice.page)).toHaveAttribute('data-state', 'synced');
  await alice.context.close();

  // A new computer: the first screen offers the restore, asks who you are, then the file.
  const computer = await browser.newContext({ baseURL: relay.url });
  const page = await computer.newPage();
  await page.goto('/');
  await page.getByRole('button', { name: 'Restaurer depuis une sauvegarde' }).click();
  await page.getByLabel('Votre nom').fill('Alice Martin');
  await page.getByLabel('Profession').selectOption({ label: 'Médecin généraliste' });
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByLabel(/^Fichier de sauvegarde/).setInputFiles(file);
  await page.getByLabel('Phrase de passe').fill('une autre phrase');
  await page.getByRole('button', { name: 'Restaurer l’espace' }).click();
  await expect(page.getByRole('alert')).toContainText('Phrase de passe incorrecte');
  await page.getByLabel('Phrase de passe').fill('le pont de Montignac 1944');
  await page.getByRole('button', { name: 'Restaurer l’espace' }).click();
  await expect(page).toHaveURL(new RegExp(`${workspace}$`));
  await page.getByRole('link', { name: 'Nouveau protocole' }).click();
  await expect(body(page)).toContainText('Écrit avant la perte du téléphone.');
  // The restored device holds the key: it can invite again.
  await page.goBack();
  expect(await invite(page)).toMatch(/\/join#ey/);
  await computer.close();
});

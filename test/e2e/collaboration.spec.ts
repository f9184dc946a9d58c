// Two colleagues co-write one protocol live: catalogue, rich-text body with named carets, structured header.
import { test, expect } from './fixtures';
import {
  body,
  bodyText,
  createWorkspace,
  dateField,
  docStatus,
  fillDate,
  invite,
  joinWorkspace,
  newProtocol,
  openSection,
  typeInBody,
} from './steps';

test('two browsers co-edit a protocol live', async ({ newUser }) => {
  const alice = await newUser('Alice Martin', 'Médecin généraliste');
  const bruno = await newUser('Bruno Petit', 'Infirmier·ère');

  await createWorkspace(alice.page, 'CPTS du Val de Loire');
  await joinWorkspace(bruno.page, await invite(alice.page));
  await expect(bruno.page.getByRole('banner')).toContainText('CPTS du Val de Loire');
  await openSection(bruno.page, 'Protocoles');
  await expect(bruno.page.getByText('Aucun protocole pour le moment')).toBeVisible();

  const protocol = await newProtocol(alice.page);
  // The new protocol reaches the colleague's list without a reload.
  await expect(bruno.page.getByRole('link', { name: 'Nouveau protocole' })).toBeVisible({ timeout: 3000 });
  await bruno.page.getByRole('link', { name: 'Nouveau protocole' }).click();
  await expect(bruno.page).toHaveURL(protocol);
  await expect(docStatus(bruno.page)).toHaveAttribute('data-state', 'synced');

  await typeInBody(alice.page, 'Prise en charge des plaies chroniques. ');
  // Bruno writes after Alice's sentence, as a colleague would once it is on screen: clicking into text still
  // arriving would put his caret in the middle of it (a legitimate merge, not the one this test checks).
  await expect(body(bruno.page)).toContainText('Prise en charge des plaies chroniques.');
  await typeInBody(bruno.page, 'Avis infirmier à J+2.');
  for (const page of [alice.page, bruno.page]) {
    await expect(body(page)).toContainText('Prise en charge des plaies chroniques.');
    await expect(body(page)).toContainText('Avis infirmier à J+2.');
  }
  await expect.poll(async () => (await bodyText(alice.page)) === (await bodyText(bruno.page))).toBe(true);
  // Each sees the other's named caret.
  await expect(alice.page.locator('.collaboration-carets__label', { hasText: 'Bruno Petit' })).toBeVisible();
  await expect(bruno.page.locator('.collaboration-carets__label', { hasText: 'Alice Martin' })).toBeVisible();

  // The structured header merges field by field.
  await alice.page.getByLabel('Titre', { exact: true }).fill('Plaies chroniques');
  await bruno.page.getByLabel('Thème').fill('Parcours');
  await bruno.page.getByRole('checkbox', { name: 'Infirmier·ère' }).check();
  await alice.page.getByRole('checkbox', { name: 'Médecin généraliste' }).check();
  // Alice created the protocol, so she leads it: she sends it for review.
  await alice.page.getByRole('button', { name: 'Passer en relecture' }).click();
  for (const page of [alice.page, bruno.page]) {
    await expect(page.getByLabel('Titre', { exact: true })).toHaveValue('Plaies chroniques');
    await expect(page.getByLabel('Thème')).toHaveValue('Parcours');
    await expect(page.getByRole('checkbox', { name: 'Infirmier·ère' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Médecin généraliste' })).toBeChecked();
    await expect(page.getByTestId('protocol-status')).toHaveText('En relecture');
  }

  // The list of protocols follows the header.
  await bruno.page.getByRole('link', { name: '← Protocoles' }).click();
  await expect(bruno.page.getByRole('link', { name: 'Plaies chroniques' })).toBeVisible();
  await expect(bruno.page.getByRole('list', { name: 'Protocoles' })).toContainText('En relecture');
});

test('an empty title or a past review date is refused where it is typed and never written', async ({ newUser }) => {
  const alice = await newUser('Alice Martin');
  await createWorkspace(alice.page, 'CPTS Test');
  await newProtocol(alice.page);
  const title = alice.page.getByLabel('Titre', { exact: true });
  await title.fill('');
  await expect(alice.page.getByText('Le titre est obligatoire.')).toBeVisible();
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  // Dates are typed day first, whatever the browser's language.
  const review = dateField(alice.page, 'Prochaine révision');
  await expect(review).toHaveText('jj/mm/aaaa');
  await fillDate(alice.page, 'Prochaine révision', '01/03/2024');
  await expect(review).toHaveText('01/03/2024');
  await expect(alice.page.getByText('La date de prochaine révision ne peut pas être passée.')).toBeVisible();
  await expect(review.getByRole('spinbutton').first()).toHaveAttribute('aria-invalid', 'true');
  await alice.page.reload();
  await expect(alice.page.getByLabel('Titre', { exact: true })).toHaveValue('Nouveau protocole');
  await expect(review).toHaveText('jj/mm/aaaa');
});

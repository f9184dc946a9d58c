// Every document on the device: a colleague's protocol reaches a member who never opened it, in the background,
// and opens offline in its latest state; the member's search finds its words without opening it (decision 0029).
import { test, expect } from './fixtures';
import {
  body,
  createWorkspace,
  docStatus,
  invite,
  joinWorkspace,
  newProtocol,
  openSection,
  storedUpdates,
  typeInBody,
} from './steps';

test('a protocol never opened on this device opens offline with the colleague’s latest change', async ({ newUser }) => {
  const alice = await newUser('Alice Martin', 'Médecin généraliste');
  const bruno = await newUser('Bruno Petit', undefined, { worksOffline: true });
  const workspace = await createWorkspace(alice.page, 'CPTS Partout');
  const link = await invite(alice.page);
  await joinWorkspace(bruno.page, link);

  const protocol = await newProtocol(alice.page);
  const docId = protocol.split('/').at(-1)!;
  await alice.page.getByLabel('Titre', { exact: true }).fill('Anticoagulants oraux');
  await typeInBody(alice.page, 'Surveiller le risque hémorragique chaque semaine.');
  await expect(docStatus(alice.page)).toHaveAttribute('data-state', 'synced');

  // Bruno stays on the list of protocols: the protocol arrives on his device on its own.
  await openSection(bruno.page, 'Protocoles');
  const list = bruno.page.getByRole('list', { name: 'Protocoles' });
  await expect(list).toContainText('Anticoagulants oraux');
  await expect.poll(() => storedUpdates(bruno.page, docId), { timeout: 15_000 }).toBeGreaterThan(0);

  // His search reads the body's words from his own copy.
  await bruno.page.getByRole('searchbox', { name: 'Rechercher dans le catalogue' }).fill('hémorragique');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.locator('.snippet')).toContainText('hémorragique', { timeout: 15_000 });

  // Alice changes it again while Bruno looks at the catalogue; then Bruno loses the network.
  await typeInBody(alice.page, ' Contrôler l’INR.');
  await expect(docStatus(alice.page)).toHaveAttribute('data-state', 'synced');
  await bruno.page.getByRole('searchbox', { name: 'Rechercher dans le catalogue' }).fill('INR');
  // The whole edit, up to its last keystroke: a fetch in the middle of typing brings a part of it.
  await expect(list.locator('.snippet')).toContainText('Contrôler l’INR.', { timeout: 15_000 });
  await bruno.context.setOffline(true);
  await bruno.page.getByRole('searchbox', { name: 'Rechercher dans le catalogue' }).fill('');
  await list.getByRole('link', { name: /Anticoagulants oraux/ }).click();
  await expect(bruno.page).toHaveURL(new RegExp(`${workspace}/protocols/${docId}$`));
  await expect(body(bruno.page)).toContainText('Surveiller le risque hémorragique chaque semaine. Contrôler l’INR.');
});

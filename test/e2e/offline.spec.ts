// Offline and back: a colleague keeps editing without network, both converge, and nothing typed is lost on reload or relay restart.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { body, bodyText, createWorkspace, docStatus, invite, joinWorkspace, newProtocol, typeInBody } from './steps';
import { onboard } from './fixtures';

test('one browser goes offline, keeps editing, and both converge when it comes back', async ({ newUser }) => {
  const alice = await newUser('Alice Martin', 'Médecin généraliste');
  const bruno = await newUser('Bruno Petit');
  await createWorkspace(alice.page, 'CPTS Hors Ligne');
  const link = await invite(alice.page);
  const protocol = await newProtocol(alice.page);
  await joinWorkspace(bruno.page, link);
  await bruno.page.goto(protocol);
  await expect(docStatus(bruno.page)).toHaveAttribute('data-state', 'synced');

  await bruno.context.setOffline(true);
  await expect(bruno.page.getByTestId('sync-status')).toHaveText(/hors ligne — enregistré sur cet appareil/);
  await typeInBody(bruno.page, 'Écrit sans réseau. ');
  await bruno.page.getByLabel('Thème').fill('Soins non programmés');
  await typeInBody(alice.page, 'Écrit en ligne. ');
  await expect(body(alice.page)).not.toContainText('Écrit sans réseau.');

  await bruno.context.setOffline(false);
  await expect(docStatus(bruno.page)).toHaveAttribute('data-state', 'synced');
  for (const page of [alice.page, bruno.page]) {
    await expect(body(page)).toContainText('Écrit sans réseau.');
    await expect(body(page)).toContainText('Écrit en ligne.');
    await expect(page.getByLabel('Thème')).toHaveValue('Soins non programmés');
  }
  await expect.poll(async () => (await bodyText(alice.page)) === (await bodyText(bruno.page))).toBe(true);
});

test('a protocol written offline reaches colleagues though its author closed it and never opens it again', async ({
  newUser,
}) => {
  const alice = await newUser('Alice Martin', 'Médecin généraliste', { worksOffline: true });
  const bruno = await newUser('Bruno Petit');
  const workspace = await createWorkspace(alice.page, 'CPTS Dans le Train');
  await joinWorkspace(bruno.page, await invite(alice.page));
  await keptForOffline(alice.page, ['catalogueActions', 'ProtocolScreen', 'DeviceScreen']);

  await alice.context.setOffline(true);
  const protocol = await newProtocol(alice.page);
  await alice.page.getByLabel('Titre', { exact: true }).fill('Pied diabétique');
  await typeInBody(alice.page, 'Écrit dans le train.');
  await expect(body(alice.page)).toContainText('Écrit dans le train.');
  await alice.page.getByRole('link', { name: 'Mon appareil' }).click();
  const waiting = 'Un document modifié sur cet appareil n’a pas encore été envoyé à vos collègues';
  await expect(alice.page.getByText(waiting)).toBeVisible();
  await alice.page.close();

  // Back online the next morning, Alice opens Maillage on its home and nothing else.
  await alice.context.setOffline(false);
  const later = await alice.context.newPage();
  await later.goto(workspace);
  await expect(later.getByRole('heading', { name: 'Accueil', level: 1 })).toBeVisible();

  await bruno.page.goto(protocol);
  await expect(body(bruno.page)).toContainText('Écrit dans le train.');
  await expect(bruno.page.getByLabel('Titre', { exact: true })).toHaveValue('Pied diabétique');
  await later.getByRole('link', { name: 'Mon appareil' }).click();
  await expect(later.getByText(/Les \d+ documents que vous pouvez lire sont sur cet appareil/)).toBeVisible();
  await expect(later.getByText(/modifiés? sur cet appareil/)).toBeHidden();
});

test('a reload with the relay down keeps everything; a later browser gets it all from the restarted relay', async ({
  newUser,
  relay,
  browser,
}) => {
  const alice = await newUser('Alice Martin', undefined, { worksOffline: true });
  await createWorkspace(alice.page, 'CPTS Redémarrage');
  const link = await invite(alice.page);
  const protocol = await newProtocol(alice.page);
  await alice.page.getByLabel('Titre', { exact: true }).fill('Insuffisance cardiaque');
  await typeInBody(alice.page, 'Surveillance du poids chaque matin.');
  await expect(docStatus(alice.page)).toHaveAttribute('data-state', 'synced');

  await relay.stop();
  await expect(docStatus(alice.page)).toHaveAttribute('data-state', /offline|connecting/);
  await typeInBody(alice.page, ' Appeler le médecin si +2 kg.');
  await alice.page.reload();
  await expect(body(alice.page)).toContainText('Surveillance du poids chaque matin. Appeler le médecin si +2 kg.');
  await expect(alice.page.getByLabel('Titre', { exact: true })).toHaveValue('Insuffisance cardiaque');
  await expect(alice.page.getByTestId('sync-status')).not.toHaveAttribute('data-state', 'synced');

  const again = await relay.restart();
  // Alice reconnects on her own and sends what she wrote while the relay was down.
  await expect(docStatus(alice.page)).toHaveAttribute('data-state', 'synced', { timeout: 20_000 });
  await alice.context.close();

  const claire = await browser.newContext({ baseURL: again.url });
  const page = await claire.newPage();
  await page.goto('/');
  await onboard(page, 'Claire Durand', 'Pharmacien·ne');
  await joinWorkspace(page, link.replace(new URL(link).origin, ''));
  await page.goto(protocol);
  await expect(body(page)).toContainText('Surveillance du poids chaque matin. Appeler le médecin si +2 kg.');
  await expect(page.getByLabel('Titre', { exact: true })).toHaveValue('Insuffisance cardiaque');
  await claire.close();
  await again.stop();
});

test('the app is installable: a manifest in French with icons the browser can load', async ({ newUser }) => {
  const alice = await newUser('Alice Martin');
  const href = await alice.page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = (await (await alice.page.request.get(href!)).json()) as {
    lang: string;
    display: string;
    start_url: string;
    icons: { src: string; sizes: string }[];
  };
  expect(manifest).toMatchObject({ lang: 'fr', display: 'standalone', start_url: '/' });
  for (const size of ['192x192', '512x512']) {
    const icon = manifest.icons.find((i) => i.sizes === size)!;
    const response = await alice.page.request.get(icon.src);
    expect(response.headers()['content-type']).toBe('image/png');
  }
});

test('offline, a screen never visited still opens: every screen’s code was fetched while online', async ({
  newUser,
}) => {
  const alice = await newUser('Alice Martin', 'Médecin généraliste', { worksOffline: true });
  await createWorkspace(alice.page, 'CPTS Hors Réseau');
  await keptForOffline(alice.page, ['DirectoryScreen']);
  await alice.context.setOffline(true);
  await alice.page.getByRole('link', { name: 'Annuaire' }).click();
  await expect(alice.page.getByRole('heading', { name: 'Annuaire' })).toBeVisible();
  await expect(alice.page.getByRole('list', { name: 'Annuaire' })).toContainText('Alice Martin');
});

/** Lets the service worker keep the build's assets, as a member's first minutes online would; the page reloads. */
async function keptForOffline(page: Page, chunks: string[]): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.reload();
  for (const chunk of chunks)
    await expect
      .poll(() => page.evaluate(notYetOffline, chunk), {
        message: `the code of ${chunk}, and every asset the page fetched, kept by the service worker`,
        timeout: 15_000,
      })
      .toEqual([]);
}

/** In the page: the screen's chunk if the service worker has not kept it, and the assets fetched that it has not kept. */
async function notYetOffline(screen: string): Promise<string[]> {
  const fetched = performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.startsWith('/assets/'));
  const kept: string[] = [];
  for (const name of await caches.keys())
    for (const request of await (await caches.open(name)).keys()) kept.push(new URL(request.url).pathname);
  const missing = kept.some((path) => path.startsWith(`/assets/${screen}-`)) ? [] : [`${screen} not kept`];
  for (const path of fetched) if (!kept.includes(path)) missing.push(`${path} not cached`);
  return missing;
}

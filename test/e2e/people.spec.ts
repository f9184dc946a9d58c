// People and access as a new user meets them: the first screen, an invitation that says what it is before asking
// anything, observers in the annuaire and in « Accès », pending invitations withdrawn.
import { test, expect } from './fixtures';
import { seriousViolations } from './axe';
import { createWorkspace, invite, joinWorkspace, openSection } from './steps';
import type { Browser, Page } from '@playwright/test';

async function noSeriousViolations(page: Page): Promise<void> {
  expect(await seriousViolations(page, null)).toEqual([]);
}

/** A new device (its own context, nothing stored) on the test's relay, at its first screen. */
async function firstScreen(browser: Browser, relay: { url: string }) {
  const context = await browser.newContext({ baseURL: relay.url });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Bienvenue dans Maillage' })).toBeVisible();
  return { context, page };
}

test('the first screen says what Maillage is and offers three ways in, one of them a pasted link', async ({
  browser,
  newUser,
  relay,
}) => {
  const alice = await newUser('Alice Martin', 'Médecin généraliste');
  await createWorkspace(alice.page, 'CPTS du Val de Loire');
  const link = await invite(alice.page);

  const { context, page } = await firstScreen(browser, relay);
  await expect(page.getByText(/espace de travail partagé de votre CPTS/)).toBeVisible();
  await expect(page.getByText(/hors ligne/)).toHaveCount(0);
  for (const name of ['Créer l’espace de la CPTS', 'Rejoindre avec un lien', 'Restaurer depuis une sauvegarde'])
    await expect(page.getByRole('button', { name })).toBeVisible();
  await noSeriousViolations(page);

  await page.getByRole('button', { name: 'Rejoindre avec un lien' }).click();
  await page.getByLabel('Lien d’invitation').fill('un texte quelconque');
  await page.getByRole('button', { name: 'Ouvrir l’invitation' }).click();
  await expect(page.getByRole('alert')).toContainText('n’est pas un lien d’invitation Maillage');
  await page.getByLabel('Lien d’invitation').fill(`Bonjour, voici le lien : ${link}`);
  await page.getByRole('button', { name: 'Ouvrir l’invitation' }).click();
  await expect(page.getByRole('heading', { name: 'Rejoindre « CPTS du Val de Loire »' })).toBeVisible();
  await context.close();
});

test.describe('on a server that hosts one CPTS (README command 1)', () => {
  test.use({ relayEnv: { WORKSPACES: 'first' } });

  test('once its CPTS is there, no second workspace is offered, and the way in is said', async ({
    browser,
    newUser,
    relay,
  }) => {
    const alice = await newUser('Alice Martin', 'Médecin généraliste');
    await createWorkspace(alice.page, 'CPTS du Val de Loire');
    // The workspace claims the server when its first document syncs.
    await expect(alice.page.getByTestId('sync-status')).toHaveAttribute('data-state', 'synced');

    const { context, page } = await firstScreen(browser, relay);
    await expect(page.getByText('Ce serveur héberge déjà l’espace de travail de sa CPTS.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Créer l’espace de la CPTS' })).toHaveCount(0);
    for (const name of ['Rejoindre avec un lien', 'Restaurer depuis une sauvegarde'])
      await expect(page.getByRole('button', { name })).toBeVisible();
    await noSeriousViolations(page);
    await context.close();

    // Alice's list of workspaces has hers, and no form for another the server would refuse.
    await alice.page.goto('/');
    await expect(alice.page.getByRole('link', { name: 'CPTS du Val de Loire' })).toBeVisible();
    await expect(alice.page.getByText(/il n’en accueille pas d’autre/)).toBeVisible();
    await expect(alice.page.getByLabel('Nom de l’espace de travail')).toHaveCount(0);
  });
});

test('the invitation page names the CPTS, who invites and the role before any input; a bad link says so at once', async ({
  browser,
  newUser,
  relay,
}) => {
  const alice = await newUser('Alice Martin', 'Médecin généraliste');
  await createWorkspace(alice.page, 'CPTS du Val de Loire');
  const link = await invite(alice.page, 'Membre', 'Hélène Durand');

  const context = await browser.newContext({ baseURL: relay.url });
  const page = await context.newPage();
  await page.goto(link);
  const card = page.getByTestId('invitation-card');
  await expect(page.getByRole('heading', { name: 'Rejoindre « CPTS du Val de Loire »' })).toBeVisible();
  await expect(card).toContainText(
    'Alice Martin (médecin généraliste) vous invite à rejoindre l’espace « CPTS du Val de Loire » comme membre.',
  );
  await expect(card).toContainText('Invitation au nom de Hélène Durand.');
  await expect(card).toContainText(/Valable jusqu’au \d{1,2} [a-zéû.]+ \d{4}\./);
  // Only then, below what the invitation says, who you are: the name the coordinator typed is offered.
  const name = page.getByLabel('Votre nom');
  await expect(name).toHaveValue('Hélène Durand');
  expect(
    await card.evaluate((el, input) => !!(el.compareDocumentPosition(input!) & 4), await name.elementHandle()),
  ).toBe(true);
  await noSeriousViolations(page);
  await page.getByLabel('Profession').selectOption({ label: 'Pharmacien·ne' });
  await page.getByRole('button', { name: 'Rejoindre l’espace' }).click();
  await expect(page.getByRole('heading', { name: 'Accueil', level: 1 })).toBeVisible();
  await context.close();

  // A link cut short, or a week past its date: said at once, nothing asked.
  const other = await browser.newContext({ baseURL: relay.url });
  const broken = await other.newPage();
  await broken.goto(link.slice(0, link.indexOf('~') - 10));
  await expect(broken.getByRole('alert')).toContainText('Ce lien d’invitation n’est pas valide');
  await expect(broken.getByLabel('Votre nom')).toHaveCount(0);
  await other.clock.install({ time: Date.now() + 8 * 86_400_000 });
  const late = await other.newPage();
  await late.goto(link);
  await expect(late.getByRole('alert')).toContainText('Cette invitation a expiré');
  await expect(late.getByLabel('Votre nom')).toHaveCount(0);
  await other.close();
});

test('an observer is in the annuaire and in « Accès », revoked like anyone; a pending invitation is withdrawn', async ({
  browser,
  newUser,
  relay,
}) => {
  test.setTimeout(90_000);
  const alice = await newUser('Alice Martin', 'Médecin généraliste');
  const ars = await newUser('Agnès Roy', 'Autre');
  const workspace = await createWorkspace(alice.page, 'CPTS Partagée');
  await alice.page.getByRole('button', { name: 'Inviter' }).click();
  await alice.page.getByLabel('Rôle').selectOption({ label: 'Observateur·rice (lecture seule)' });
  await alice.page.getByRole('button', { name: 'Créer le lien' }).click();
  await expect(alice.page.getByRole('alert')).toContainText('Indiquez son nom');
  await alice.page.getByLabel('Nom de la personne invitée').fill('Agnès Roy');
  await alice.page.getByLabel('Organisme (facultatif)').fill('ARS Nouvelle-Aquitaine');
  await alice.page.getByRole('button', { name: 'Créer le lien' }).click();
  const observerLink = await alice.page.getByRole('textbox', { name: 'Lien d’invitation' }).inputValue();
  await alice.page.getByRole('button', { name: 'Fermer' }).click();
  await joinWorkspace(ars.page, observerLink);
  // An empty catalogue tells the observer what will come, not to create what they cannot.
  await openSection(ars.page, 'Protocoles');
  await expect(ars.page.getByText('Aucun document partagé pour le moment')).toBeVisible();
  await expect(ars.page.getByText(/Nouveau protocole/)).toHaveCount(0);
  const pendingLink = await invite(alice.page, 'Membre', 'Denis Roux');

  // The annuaire shows the observer, marked, as the invitation named them.
  await alice.page.goto(`${workspace}/annuaire`);
  const partners = alice.page.getByRole('list', { name: 'Partenaires en lecture seule' });
  await expect(partners.getByRole('listitem')).toHaveCount(1);
  await expect(partners).toContainText('Agnès Roy');
  await expect(partners).toContainText('ARS Nouvelle-Aquitaine');
  await expect(partners).toContainText('observateur·rice');

  // « Accès »: the observer with everyone, Denis's invitation pending (role, by whom, until when).
  await alice.page.goto(`${workspace}/acces`);
  const members = alice.page.getByRole('list', { name: 'Membres' });
  await expect(members.getByRole('listitem').filter({ hasText: 'Agnès Roy' })).toContainText(
    'observateur·rice, ARS Nouvelle-Aquitaine',
  );
  const pending = alice.page.getByRole('list', { name: 'Invitations en attente' });
  await expect(pending.getByRole('listitem')).toHaveCount(1);
  await expect(pending).toContainText('Denis Roux');
  await expect(pending).toContainText('Membre');
  await expect(pending).toContainText(/invitée par Alice Martin le .*, expire le /);
  await noSeriousViolations(alice.page);

  await pending.getByRole('button', { name: 'Retirer l’invitation de Denis Roux' }).click();
  const confirmation = alice.page.getByRole('alertdialog').filter({ hasText: 'Retirer l’invitation de Denis Roux ?' });
  await expect(confirmation.getByRole('button', { name: 'Annuler' })).toBeFocused();
  await confirmation.getByRole('button', { name: 'Oui, retirer l’invitation' }).click();
  await expect(alice.page.getByText('L’invitation de Denis Roux est retirée')).toBeVisible();
  await expect(alice.page.getByText('Aucune invitation en attente')).toBeVisible();
  const denis = await browser.newContext({ baseURL: relay.url });
  const denisPage = await denis.newPage();
  await denisPage.goto(pendingLink);
  await expect(denisPage.getByRole('alert')).toContainText('Cette invitation a été retirée');
  await expect(denisPage.getByLabel('Votre nom')).toHaveCount(0);
  await denis.close();

  await members.getByRole('button', { name: 'Retirer l’accès de Agnès Roy' }).click();
  await alice.page
    .getByRole('alertdialog')
    .filter({ hasText: 'Retirer l’accès de Agnès Roy' })
    .getByRole('button', { name: 'Oui, retirer' })
    .click();
  await expect(members.getByRole('listitem').filter({ hasText: 'Agnès Roy' })).toContainText('accès retiré');
  await ars.page.goto(workspace);
  // The device hears it and closes the workspace (decision 0026).
  await expect(ars.page.getByRole('alert').filter({ hasText: 'Votre accès à cet espace a été retiré' })).toBeVisible();
  await alice.page.goto(`${workspace}/annuaire`);
  await expect(alice.page.getByRole('list', { name: 'Partenaires en lecture seule' })).toHaveCount(0);
});

// Invitations: a member joins and writes, an observer only reads, a forged link joins nothing, a revoked member is
// cut off.
import { seriousViolations } from './axe';
import { downloaded, parseCsv } from './downloads';
import { test, expect } from './fixtures';
import {
  body,
  clearDate,
  createWorkspace,
  docStatus,
  fillDate,
  invite,
  joinWorkspace,
  newProtocol,
  openSection,
  typeInBody,
} from './steps';
import { confirmRemoval, expectRevoked } from './accessSteps';

test('an observer reads the protocol but cannot edit it', async ({ newUser }) => {
  const alice = await newUser('Alice Martin', 'Médecin généraliste');
  const ars = await newUser('Agent ARS', 'Autre');
  await createWorkspace(alice.page, 'CPTS Observée');
  const link = await invite(alice.page, 'Observateur·rice (lecture seule)');
  const protocol = await newProtocol(alice.page);
  await typeInBody(alice.page, 'Version diffusée aux partenaires.');

  await joinWorkspace(ars.page, link);
  await openSection(ars.page, 'Protocoles');
  await expect(ars.page.getByRole('link', { name: 'Nouveau protocole' })).toHaveCount(1);
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
  await expect(mallory.page.getByRole('alert')).toContainText('Ce lien d’invitation n’est pas valide');
  await mallory.page.goto('/');
  await expect(mallory.page.getByText('Aucun espace de travail sur cet appareil')).toBeVisible();
  await mallory.page.goto(new URL(alice.page.url()).pathname);
  await expect(mallory.page.getByText('Cet espace de travail n’est pas sur cet appareil')).toBeVisible();
});

test('the coordinator revokes a member: cut off at once, closed after a reload, and it is in the journal', async ({
  newUser,
}) => {
  const alice = await newUser('Alice Martin', 'Médecin généraliste');
  const bruno = await newUser('Bruno Lefèvre', undefined, { worksOffline: true });
  const workspace = await createWorkspace(alice.page, 'CPTS Vigilante');
  const link = await invite(alice.page);
  await joinWorkspace(bruno.page, link);
  await newProtocol(bruno.page);
  await typeInBody(bruno.page, 'Brouillon de Bruno.');
  await expect(docStatus(bruno.page)).toHaveAttribute('data-state', 'synced');

  await alice.page.goto(`${workspace}/acces`);
  const members = alice.page.getByRole('list', { name: 'Membres' });
  await expect(members.getByRole('listitem')).toHaveCount(2);
  // She finds him by a piece of his name, accents or not, as one would among three hundred members.
  const who = alice.page.getByRole('searchbox', { name: 'Rechercher une personne' });
  await who.fill('zzz');
  await expect(alice.page.getByText('Personne ne correspond à « zzz ».')).toBeVisible();
  await who.fill('lefev');
  await expect(members.getByRole('listitem')).toHaveCount(1);
  await expect(alice.page.getByRole('status').filter({ hasText: '1 personne' })).toBeVisible();
  await members.getByRole('button', { name: 'Retirer l’accès de Bruno Lefèvre' }).click();
  await confirmRemoval(
    alice.page,
    'Retirer l’accès de Bruno Lefèvre ? Ses connexions sont coupées tout de suite, sur tous ses appareils.',
  );
  await expect(alice.page.getByText('L’accès de Bruno Lefèvre est retiré')).toBeVisible();
  await expect(members.getByText('accès retiré')).toBeVisible();

  // Bruno's open protocol gives way to the explanation; it stays after a reload, on every screen, offline too.
  await expectRevoked(bruno.page);
  await bruno.page.reload();
  await expectRevoked(bruno.page);
  await bruno.page.goto(`${workspace}/protocoles`);
  await expectRevoked(bruno.page);
  await bruno.context.setOffline(true);
  await bruno.page.reload();
  await expectRevoked(bruno.page);

  // The journal speaks French: one line per person, document and day, names and no addresses. His device, knowing
  // it is revoked, no longer knocks: no refusal follows (decision 0026).
  await alice.page.getByRole('button', { name: 'Actualiser' }).click();
  const summary = alice.page.getByRole('list', { name: /^Journal résumé/ });
  await expect(summary).not.toContainText('accès refusé');
  await expect(summary).toContainText('Alice Martin (médecin généraliste) a retiré l’accès de Bruno Lefèvre');
  await expect(summary).toContainText('Bruno Lefèvre (infirmier·ère) a ouvert et modifié Nouveau protocole');
  await expect(summary).not.toContainText('127.0.0.1');
  // The raw entries, with their addresses, are behind the detail view.
  await alice.page.getByRole('button', { name: /^Voir le détail/ }).click();
  const journal = alice.page.getByRole('table', { name: 'Détail du journal d’accès' });
  await expect(journal).toContainText('127.0.0.1');
  await alice.page.getByRole('combobox', { name: 'Membre' }).selectOption({ label: 'Bruno Lefèvre' });
  // His sockets were closed at once; his device, knowing it is revoked, no longer knocks (no refusal follows).
  await expect(journal.getByRole('row').filter({ hasText: 'fermeture' }).first()).toContainText('Bruno Lefèvre');
  await expect(journal.getByRole('row').filter({ hasText: 'refus' })).toHaveCount(0);
  await expect(journal).toContainText('Nouveau protocole');
  // What is shown leaves as CSV, as the coordinator answers a request about who opened what: Bruno's lines only.
  await expect(journal.getByRole('row').filter({ hasText: 'Alice Martin' })).toHaveCount(0);
  const csv = await downloaded(alice.page, () =>
    alice.page.getByRole('button', { name: 'Exporter le détail pour un tableur' }).click(),
  );
  const [header, ...entries] = parseCsv(csv.text);
  expect(header).toEqual(['Date', 'Qui', 'Événement', 'Document', 'Adresse']);
  expect(entries.length).toBe((await journal.getByRole('row').count()) - 1);
  expect(entries.every((row) => row[1]!.startsWith('Bruno Lefèvre'))).toBe(true);
  expect(entries.some((row) => row[3] === 'Nouveau protocole' && row[4] === '127.0.0.1')).toBe(true);
  // By document: Bruno's entries in the annuaire only, then nothing from a day that has not come yet (Paris days).
  await alice.page.getByRole('combobox', { name: 'Document' }).selectOption({ label: 'Annuaire' });
  await expect(journal.getByRole('row').nth(1)).toContainText('Annuaire');
  await expect(journal).not.toContainText('Nouveau protocole');
  await alice.page.getByRole('combobox', { name: 'Document' }).selectOption({ label: 'Tous' });
  await expect(journal).toContainText('Nouveau protocole');
  const tomorrow = new Date(Date.now() + 86_400_000).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' });
  await fillDate(alice.page, 'Du', tomorrow);
  await expect(alice.page.getByText('Aucune entrée pour ces critères.')).toBeVisible();
  await clearDate(alice.page, 'Du');
  await expect(journal).toContainText('Nouveau protocole');
  expect(await seriousViolations(alice.page, null)).toEqual([]);
});

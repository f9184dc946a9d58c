// Working groups: a coordinator creates one with a lead, adds a colleague (a removal is undone), attaches a protocol;
// with a second group the list is searched and sorted; the colleague sees it; the lead then takes the protocol out of
// the group from its own page, and its history says so.
import { seriousViolations } from './axe';
import { test, expect } from './fixtures';
import { createWorkspace, invite, joinWorkspace, newProtocol, openTab } from './steps';

test('a working group with its lead, members and protocol, seen by a member', async ({ newUser }) => {
  const alice = await newUser('Alice Martin', 'Médecin généraliste');
  const bruno = await newUser('Bruno Lefèvre');
  const workspace = await createWorkspace(alice.page, 'CPTS en Groupes');
  await joinWorkspace(bruno.page, await invite(alice.page));
  const protocol = await newProtocol(alice.page);
  await alice.page.getByLabel('Titre', { exact: true }).fill('Plaies chroniques à domicile');

  await alice.page.goto(`${workspace}/groupes`);
  await expect(alice.page.getByText('Aucun groupe de travail pour le moment')).toBeVisible();
  await alice.page.getByRole('button', { name: 'Créer le groupe' }).click();
  await expect(alice.page.getByText('Le nom du groupe doit faire au moins 2 caractères.')).toBeVisible();
  await alice.page.getByLabel('Nom du groupe').fill('Plaies chroniques');
  await alice.page.getByLabel('Thème').fill('Parcours');
  await alice.page.getByLabel('Pilote').selectOption({ label: 'Alice Martin' });
  await alice.page.getByRole('button', { name: 'Créer le groupe' }).click();

  const card = alice.page.getByRole('region', { name: 'Plaies chroniques' });
  await expect(card).toContainText('Parcours · piloté par Alice Martin');
  await card.getByLabel('Ajouter un membre').selectOption({ label: 'Bruno Lefèvre' });
  await card.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await expect(card.getByRole('list', { name: 'Membres de Plaies chroniques' }).getByRole('listitem')).toHaveCount(2);
  await card.getByLabel('Rattacher un document').selectOption({ label: 'Plaies chroniques à domicile' });
  await card.getByRole('button', { name: 'Rattacher', exact: true }).click();
  await expect(card.getByRole('list', { name: 'Documents de Plaies chroniques' })).toContainText(
    'Plaies chroniques à domicile',
  );
  // A member removed by mistake comes back with « Annuler ».
  const members = card.getByRole('list', { name: 'Membres de Plaies chroniques' });
  await members.getByRole('button', { name: 'Retirer Bruno Lefèvre de Plaies chroniques' }).click();
  await expect(members.getByRole('listitem')).toHaveCount(1);
  const undo = alice.page
    .getByRole('status')
    .filter({ hasText: 'Bruno Lefèvre ne fait plus partie de Plaies chroniques.' });
  await expect(undo.getByRole('button', { name: 'Annuler' })).toBeFocused();
  await undo.getByRole('button', { name: 'Annuler' }).click();
  await expect(members.getByRole('listitem')).toHaveCount(2);
  // The toast went with the focus: it lands on the screen's heading.
  await expect(alice.page.getByRole('heading', { level: 1, name: 'Groupes de travail' })).toBeFocused();

  // With a second group, the list is searched (a group's name, theme or members' names) and sorted.
  await alice.page.getByLabel('Nom du groupe').fill('Accueil des soins non programmés');
  await alice.page.getByRole('button', { name: 'Créer le groupe' }).click();
  const shown = alice.page.getByRole('main').getByRole('region');
  await expect(shown).toHaveCount(2);
  await expect(shown.first()).toHaveAccessibleName('Accueil des soins non programmés');
  await alice.page.getByLabel('Trier par').selectOption({ label: 'Nombre de membres' });
  await expect(shown.first()).toHaveAccessibleName('Plaies chroniques');
  const search = alice.page.getByRole('searchbox', { name: 'Rechercher un groupe, un thème ou un membre' });
  await search.fill('lefevre');
  await expect(shown).toHaveCount(1);
  await expect(shown.first()).toHaveAccessibleName('Plaies chroniques');
  await search.fill('PROGRAMMES');
  await expect(shown).toHaveCount(1);
  await expect(shown.first()).toHaveAccessibleName('Accueil des soins non programmés');
  await search.fill('escarre');
  await expect(alice.page.getByText('Aucun groupe ne correspond à « escarre ».')).toBeVisible();
  await search.fill('');
  await expect(shown).toHaveCount(2);

  await bruno.page.goto(`${workspace}/groupes`);
  const seen = bruno.page.getByRole('region', { name: 'Plaies chroniques' });
  await expect(seen.getByRole('list', { name: 'Membres de Plaies chroniques' })).toContainText('Bruno Lefèvre');
  await seen.getByRole('link', { name: 'Plaies chroniques à domicile' }).click();
  await expect(bruno.page).toHaveURL(new RegExp(`${protocol}$`));
  // Bruno is a member, not the lead: the group is not his to change.
  await expect(bruno.page.getByLabel('Groupe de travail')).toBeDisabled();

  await alice.page.goto(protocol);
  const group = alice.page.getByLabel('Groupe de travail');
  await expect(group).toHaveValue(/.+/);
  await group.selectOption({ label: 'Aucun groupe' });
  await openTab(alice.page, 'Historique');
  const moved = 'Groupe de travail : Plaies chroniques → Aucun groupe';
  await expect(alice.page.getByRole('tabpanel').getByText(moved)).toBeVisible();
  await openTab(bruno.page, 'Historique');
  await expect(bruno.page.getByRole('tabpanel').getByText(moved)).toBeVisible();
  await expect(bruno.page.getByRole('tabpanel')).toContainText('Alice Martin');
  expect(await seriousViolations(alice.page, null)).toEqual([]);
});

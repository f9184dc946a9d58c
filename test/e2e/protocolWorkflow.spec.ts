// A working group takes a protocol from draft to diffusion: two members co-write the steps table and discuss a
// passage (with an @mention), the lead moves it through validation, a third member reads the diffused version.
import { test, expect } from './fixtures';
import {
  body,
  createWorkspace,
  docStatus,
  fillDate,
  invite,
  joinWorkspace,
  newProtocol,
  openTab,
  protocolStatus,
  sectionsNav,
  selectInBody,
  stepCell,
  typeInBody,
} from './steps';

test(
  'two members co-write the steps and comment; the lead takes the protocol to diffusion; a third member reads it',
  {
    tag: '@fullBrowser',
  },
  async ({ newUser }) => {
    test.setTimeout(120_000);
    const alice = await newUser('Alice Martin', 'Coordinateur·rice');
    const bruno = await newUser('Bruno Lefèvre', 'Infirmier·ère');
    const claire = await newUser('Claire Dubois', 'Pharmacien·ne');
    const workspace = await createWorkspace(alice.page, 'CPTS des Plaies');
    const link = await invite(alice.page);
    // Bruno's browser records the notifications it shows; he asks for them from the home screen, and allows them.
    await bruno.context.addInitScript(() => {
      const shown: { title: string; body?: string }[] = [];
      Object.assign(window, { shownNotifications: shown });
      window.Notification = class extends window.Notification {
        constructor(title: string, options?: NotificationOptions) {
          super(title, options);
          shown.push({ title, body: options?.body });
        }
      };
    });
    await joinWorkspace(bruno.page, link);
    await bruno.context.grantPermissions(['notifications']);
    await bruno.page.getByRole('button', { name: 'Me prévenir quand on me mentionne' }).click();
    await expect(bruno.page.getByText('Vous serez prévenu·e tant que Maillage est ouvert.')).toBeVisible();
    await joinWorkspace(claire.page, await invite(alice.page));

    // Bruno creates the protocol: he leads it. Alice, a coordinator, joins him on it.
    const protocol = await newProtocol(bruno.page);
    await bruno.page.getByLabel('Titre', { exact: true }).fill('Plaies chroniques à domicile');
    await typeInBody(bruno.page, 'Toute plaie qui ne cicatrise pas en six semaines est évaluée par l’infirmier.');
    await expect(bruno.page.getByText('Vous pilotez ce protocole.')).toBeVisible();
    await alice.page.goto(protocol);
    await expect(docStatus(alice.page)).toHaveAttribute('data-state', 'synced');

    // Both add a step at the same time and fill in different cells: the table converges.
    await Promise.all([
      bruno.page.getByRole('button', { name: 'Ajouter : étape' }).click(),
      alice.page.getByRole('button', { name: 'Ajouter : étape' }).click(),
    ]);
    for (const page of [alice.page, bruno.page]) await expect(stepCell(page, 'Quoi', 2)).toBeVisible();
    await stepCell(bruno.page, 'Quoi', 1).fill('Bilan de la plaie');
    await stepCell(alice.page, 'Qui', 2).fill('Médecin traitant');
    await stepCell(alice.page, 'Délai', 1).fill('J0');
    for (const page of [alice.page, bruno.page]) {
      await expect(stepCell(page, 'Quoi', 1)).toHaveValue('Bilan de la plaie');
      await expect(stepCell(page, 'Délai', 1)).toHaveValue('J0');
      await expect(stepCell(page, 'Qui', 2)).toHaveValue('Médecin traitant');
    }

    // Alice comments on a passage and mentions Bruno; he sees it live and answers.
    await selectInBody(alice.page, 'six semaines');
    await alice.page.getByRole('button', { name: 'Commenter' }).click();
    const note = alice.page.getByLabel('Votre commentaire');
    await note.pressSequentially('Pourquoi six ? @Bru');
    await alice.page.getByRole('option', { name: /Bruno Lefèvre/ }).click();
    await note.press('End');
    await note.pressSequentially('à voir avec les IDE.');
    await alice.page.getByRole('button', { name: 'Envoyer' }).click();
    await expect(body(alice.page).locator('.comment-anchor')).toHaveText(/six semaines/);
    const thread = bruno.page.getByRole('article', { name: /Discussion sur/ });
    await expect(thread).toContainText('Pourquoi six ? @Bruno Lefèvre à voir avec les IDE.');
    // A notification says who mentioned him, and nothing of what was written.
    await expect
      .poll(() =>
        bruno.page.evaluate(() => (window as unknown as { shownNotifications: unknown[] }).shownNotifications),
      )
      .toEqual([{ title: 'Maillage', body: 'Alice Martin vous a mentionné·e dans un protocole.' }]);
    await expect(thread.locator('.mention')).toHaveText('@Bruno Lefèvre');
    await thread.getByRole('button', { name: 'Répondre' }).click();
    await expect(thread.getByLabel('Répondre')).toBeFocused();
    await thread.getByLabel('Répondre').fill('Recommandation HAS : quatre à six semaines.');
    await thread.getByRole('button', { name: 'Envoyer' }).click();
    await expect(alice.page.getByRole('article', { name: /Discussion sur/ })).toContainText(
      'Recommandation HAS : quatre à six semaines.',
    );
    await alice.page.getByRole('button', { name: 'Marquer comme résolu' }).click();
    await expect(bruno.page.getByText('Aucun commentaire ouvert.', { exact: false })).toBeVisible();

    // The mention waits on Bruno's home screen, and the navigation counts it until he opens it.
    await bruno.page.goto(workspace);
    const home = sectionsNav(bruno.page).getByRole('link', { name: /^Accueil/ });
    await expect(home).toHaveAccessibleName('Accueil , 1 élément pour vous');
    const forYou = bruno.page.getByRole('region', { name: 'Pour vous' });
    await expect(forYou).toContainText('Alice Martin vous a mentionné·e');
    await forYou.getByRole('link', { name: 'Plaies chroniques à domicile' }).click();
    await expect(bruno.page).toHaveURL(/thread=/);
    await expect(home).toHaveAccessibleName('Accueil');
    await expect(protocolStatus(bruno.page)).toHaveText('Brouillon');

    // Only the lead (or a coordinator) moves it; the team signs off during review.
    await claire.page.goto(protocol);
    await expect(protocolStatus(claire.page)).toHaveText('Brouillon');
    await expect(claire.page.getByRole('button', { name: 'Passer en relecture' })).toHaveCount(0);
    await bruno.page.getByRole('button', { name: 'Passer en relecture' }).click();
    await expect(protocolStatus(claire.page)).toHaveText('En relecture');
    await bruno.page.getByRole('button', { name: 'Valider pour l’équipe' }).click();
    await expect(bruno.page.getByRole('alert')).toContainText('Il faut au moins une validation de l’équipe');
    // A sign-off is confirmed first, and can be taken back while the review is open.
    await claire.page.getByRole('button', { name: 'Je valide cette version' }).click();
    const confirm = claire.page.getByRole('alertdialog', { name: 'Valider cette version ?' });
    await expect(confirm).toContainText('Vous pourrez retirer votre validation');
    await expect(confirm.getByRole('button', { name: 'Annuler' })).toBeFocused();
    await confirm.getByRole('button', { name: 'Je valide cette version' }).click();
    await expect(bruno.page.getByText('Validé par : Claire Dubois (Pharmacien·ne')).toBeVisible();
    await claire.page.getByRole('button', { name: 'Retirer ma validation' }).click();
    await expect(bruno.page.getByText('Personne n’a encore validé cette version.')).toBeVisible();
    await claire.page.getByRole('button', { name: 'Je valide cette version' }).click();
    await claire.page.getByRole('alertdialog').getByRole('button', { name: 'Je valide cette version' }).click();
    await expect(bruno.page.getByText('Validé par : Claire Dubois (Pharmacien·ne')).toBeVisible();
    // Sending it back is offered beside the way on, never as the main button.
    await expect(bruno.page.getByRole('button', { name: 'Revenir au brouillon' })).not.toHaveClass(/primary/);
    await expect(bruno.page.getByRole('button', { name: 'Valider pour l’équipe' })).toHaveClass(/primary/);
    // A step back asks first, and says the team would sign off again.
    await bruno.page.getByRole('button', { name: 'Revenir au brouillon' }).click();
    const goingBack = bruno.page.getByRole('alertdialog', { name: 'Revenir au brouillon ?' });
    await expect(goingBack).toContainText('l’équipe devra le valider de nouveau en relecture');
    await goingBack.getByRole('button', { name: 'Annuler' }).click();
    await expect(protocolStatus(bruno.page)).toHaveText('En relecture');
    await bruno.page.getByRole('button', { name: 'Valider pour l’équipe' }).click();
    await expect(protocolStatus(bruno.page)).toHaveText('Validé par l’équipe');
    // From now on the text is frozen for everyone.
    await expect(body(claire.page)).toHaveAttribute('contenteditable', 'false');
    await expect(stepCell(claire.page, 'Quoi', 1)).toHaveAttribute('readonly', '');
    await bruno.page.getByRole('button', { name: 'Soumettre à la CPAM' }).click();
    await expect(bruno.page.getByRole('button', { name: 'Enregistrer la validation CPAM' })).toHaveCount(0);
    await alice.page.getByLabel('Motif du changement (facultatif)').fill('Avis favorable du service médical');
    await alice.page.getByRole('button', { name: 'Enregistrer la validation CPAM' }).click();
    await expect(protocolStatus(bruno.page)).toHaveText('Validé par la CPAM');
    await bruno.page.getByRole('button', { name: 'Diffuser' }).click();
    await expect(bruno.page.getByRole('alert')).toContainText('Fixez d’abord une date de prochaine révision');
    await fillDate(bruno.page, 'Prochaine révision', '01/01/2020');
    await expect(bruno.page.getByText('La date de prochaine révision ne peut pas être passée.')).toBeVisible();
    await fillDate(bruno.page, 'Prochaine révision', `30/06/${new Date().getFullYear() + 1}`);
    await bruno.page.getByRole('button', { name: 'Diffuser' }).click();
    await expect(protocolStatus(claire.page)).toHaveText('Diffusé');

    // Claire reads the diffused protocol and its printed form: HAS header block, validators, steps.
    await claire.page.getByRole('link', { name: 'Lire / imprimer' }).click();
    const sheet = claire.page.locator('.print-sheet');
    await expect(sheet.getByRole('heading', { level: 1 })).toHaveText('Plaies chroniques à domicile');
    await expect(sheet.getByRole('row', { name: /Validé par/ })).toContainText('Claire Dubois (Pharmacien·ne)');
    await expect(sheet.getByRole('row', { name: /Version et statut/ })).toContainText('Diffusé');
    await expect(sheet.getByRole('row', { name: /Validation CPAM/ })).not.toContainText('—');
    await expect(sheet.getByRole('table').nth(1)).toContainText('Bilan de la plaie');

    // Bruno opens the yearly revision and edits; Claire still reads the diffused text, frozen.
    await bruno.page.getByRole('button', { name: 'Ouvrir une révision' }).click();
    await typeInBody(bruno.page, ' Ajout de la révision.');
    await claire.page.goto(protocol);
    await expect(body(claire.page)).toContainText('Ajout de la révision.');
    await claire.page.getByRole('link', { name: 'Lire la version diffusée' }).click();
    await expect(claire.page.getByText(/Version «\s.*\s» du/)).toBeVisible();
    await expect(claire.page.locator('.print-sheet')).toContainText('six semaines');
    await expect(claire.page.locator('.print-sheet')).not.toContainText('Ajout de la révision.');
    await expect(claire.page.locator('.print-sheet').getByRole('row', { name: /Version et statut/ })).toContainText(
      'Diffusé',
    );

    // Alice, a coordinator, archives it after a question; out of the archive, it comes back in revision.
    await alice.page.getByRole('button', { name: 'Archiver', exact: true }).click();
    const archiving = alice.page.getByRole('alertdialog', { name: 'Archiver ce protocole ?' });
    await expect(archiving).toContainText('mais seulement en révision');
    await archiving.getByRole('button', { name: 'Archiver', exact: true }).click();
    await expect(protocolStatus(bruno.page)).toHaveText('Archivé');
    await alice.page.getByRole('button', { name: 'Ressortir des archives' }).click();
    const unarchiving = alice.page.getByRole('alertdialog', { name: 'Ressortir ce protocole des archives ?' });
    await expect(unarchiving).toContainText('Il revient en révision');
    await unarchiving.getByRole('button', { name: 'Ressortir en révision' }).click();
    await expect(protocolStatus(bruno.page)).toHaveText('En révision');
  },
);

test('a named version is compared with today’s text and restored as a new edit, losing nothing', async ({
  newUser,
}) => {
  const alice = await newUser('Alice Martin', 'Médecin généraliste');
  const bruno = await newUser('Bruno Lefèvre');
  await createWorkspace(alice.page, 'CPTS Versions');
  await joinWorkspace(bruno.page, await invite(alice.page));
  const protocol = await newProtocol(alice.page);
  await typeInBody(alice.page, 'Pansement à J+2.');
  await openTab(alice.page, 'Versions');
  await alice.page.getByRole('button', { name: 'Enregistrer la version' }).click();
  await expect(alice.page.getByText('Donnez un nom à la version')).toBeVisible();
  await alice.page.getByLabel('Nom de la version').fill('v1 soumise à l’équipe');
  await alice.page.getByLabel('Motif (facultatif)').fill('Avant la réunion du groupe');
  await alice.page.getByRole('button', { name: 'Enregistrer la version' }).click();
  await body(alice.page).click();
  await alice.page.keyboard.press('End');
  for (let i = 0; i < 'J+2.'.length; i++) await alice.page.keyboard.press('Backspace');
  await alice.page.keyboard.type('J+3, puis J+5.');

  const versions = alice.page.getByRole('list', { name: 'Versions du protocole' });
  await versions.getByRole('button', { name: 'Comparer à l’actuelle' }).click();
  // The comparison opens over the page at its full width.
  const comparison = alice.page.getByRole('dialog', { name: 'Comparaison des versions' });
  const diff = comparison.getByRole('region', { name: /Du «\sv1 soumise à l’équipe\s» au «\sVersion actuelle\s»/ });
  // Each change also says what it is, for screen readers (« supprimé : », « ajouté : », visually hidden).
  await expect(diff.locator('del')).toHaveText(['supprimé : J+2.']);
  await expect(diff.locator('ins')).toHaveText(['ajouté : J+3, puis J+5.']);
  const width = await comparison.evaluate((el) => el.getBoundingClientRect().width);
  expect(width).toBeGreaterThan(0.7 * alice.page.viewportSize()!.width);
  await comparison.getByRole('button', { name: 'Fermer' }).click();
  await expect(comparison).toHaveCount(0);

  // A colleague has the protocol open: the restore form warns that what he types meanwhile would not show.
  await bruno.page.goto(protocol);
  await expect(body(bruno.page)).toHaveText('Pansement à J+3, puis J+5.');
  await versions.getByRole('button', { name: 'Restaurer…' }).click();
  await expect(
    alice.page.getByRole('note').filter({ hasText: 'Une autre personne a ce protocole ouvert' }),
  ).toBeVisible();
  await alice.page.getByLabel('Motif de la restauration').fill('Le groupe garde J+2');
  await alice.page.getByRole('button', { name: 'Restaurer cette version' }).click();
  await expect(body(alice.page)).toHaveText('Pansement à J+2.');
  // The colleague sees the restored text live; the replaced one is a version of its own.
  await expect(body(bruno.page)).toHaveText('Pansement à J+2.');
  await expect(versions.getByRole('listitem').first()).toContainText(
    'Avant la restauration de « v1 soumise à l’équipe »',
  );
  await expect(versions.getByRole('listitem').first()).toContainText('Motif : Le groupe garde J+2');
  await versions.getByRole('listitem').first().getByRole('link', { name: 'Lire / imprimer' }).click();
  await expect(alice.page.locator('.print-sheet')).toContainText('Pansement à J+3, puis J+5.');
  await alice.page.reload();
  await expect(alice.page.locator('.print-sheet')).toContainText('Pansement à J+3, puis J+5.');
  await alice.page.getByRole('link', { name: 'Retour au protocole' }).click();
  await expect(body(alice.page)).toHaveText('Pansement à J+2.');
  await openTab(alice.page, 'Historique');
  await expect(alice.page.getByRole('region', { name: 'Journal des modifications' })).toContainText(
    'Restauration de « v1 soumise à l’équipe »',
  );
});

// Finding protocols and getting them out: full-text search over what is on the device, filters, the steps as CSV,
// and the printed protocol as a PDF.
import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures';
import { createWorkspace, newProtocol, stepCell, typeInBody } from './steps';
import type { Page } from '@playwright/test';

async function writeProtocol(
  page: Page,
  workspace: string,
  title: string,
  theme: string,
  profession: string,
  text: string,
): Promise<string> {
  await page.goto(workspace);
  const path = await newProtocol(page);
  await page.getByLabel('Titre', { exact: true }).fill(title);
  await page.getByLabel('Thème').fill(theme);
  await page.getByRole('checkbox', { name: profession }).check();
  await typeInBody(page, text);
  return path;
}

test('the catalogue finds protocols by their text and filters them; steps leave as CSV and the protocol as a PDF', async ({
  newUser,
}) => {
  test.setTimeout(90_000);
  const { page } = await newUser('Alice Martin', 'Médecin généraliste');
  const workspace = await createWorkspace(page, 'CPTS Documentée');
  const plaies = await writeProtocol(
    page,
    workspace,
    'Plaies chroniques',
    'Parcours',
    'Infirmier·ère',
    'Une cicatrisation lente au-delà de six semaines justifie un avis.',
  );
  await writeProtocol(
    page,
    workspace,
    'Diabète gestationnel',
    'Parcours',
    'Sage-femme',
    'Dépistage par HGPO à 24 semaines d’aménorrhée.',
  );
  await writeProtocol(
    page,
    workspace,
    'Canicule',
    'Crise sanitaire',
    'Pharmacien·ne',
    'Appeler les patients isolés chaque jour. L’infirmier·ère signale tout risque hémorragique au médecin.',
  );
  await page.goto(`${workspace}/protocoles`);
  const list = page.getByRole('list', { name: 'Protocoles' });
  await expect(list.getByRole('listitem')).toHaveCount(3);

  // Words of the body are found, accents and case ignored, with the passage shown.
  const search = page.getByRole('searchbox', { name: 'Rechercher dans le catalogue' });
  await search.fill('hgpo');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('Diabète gestationnel');
  await expect(list.locator('.snippet')).toContainText('Dépistage par HGPO');
  await search.fill('SEMAINES');
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await search.fill('semaines cicatrisation');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('Plaies chroniques');
  // The passage keeps the document's own accents and case, the words found marked.
  await search.fill('HEMORRAGIQUE');
  await expect(list.locator('.snippet')).toContainText('L’infirmier·ère signale tout risque hémorragique au médecin.');
  await expect(list.locator('.snippet mark')).toHaveText('hémorragique');
  await search.fill('escarre');
  await expect(page.getByText('Aucun document ne correspond à « escarre ».')).toBeVisible();
  await search.fill('');

  await page.getByLabel('Thème', { exact: true }).selectOption('Parcours');
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await page.getByLabel('Profession').selectOption({ label: 'Sage-femme' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('Diabète gestationnel');
  await page.getByRole('button', { name: 'Effacer les filtres' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(3);

  // The steps table as CSV, for a spreadsheet.
  await page.goto(plaies);
  await page.getByRole('button', { name: 'Ajouter : étape' }).click();
  await stepCell(page, 'Délai', 1).fill('J0');
  await stepCell(page, 'Qui', 1).fill('Infirmier·ère');
  await stepCell(page, 'Quoi', 1).fill('Mesurer la plaie; photographier');
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exporter les étapes pour un tableur' }).click(),
  ]);
  expect(csv.suggestedFilename()).toBe('Étapes - Plaies chroniques.csv');
  const text = await readFile((await csv.path())!, 'utf8');
  expect(text).toBe(
    '\uFEFFOrdre;Délai;Qui;Quoi;Où;Comment;Pourquoi;Outils\r\n1;J0;Infirmier·ère;"Mesurer la plaie; photographier";;;;\r\n',
  );

  // The printed protocol: only the sheet, with its header block; Chromium makes it a PDF.
  await page.getByRole('link', { name: 'Lire / imprimer' }).click();
  await expect(page.locator('.print-sheet').getByRole('row', { name: /Professions concernées/ })).toContainText(
    'Infirmier·ère',
  );
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Imprimer / PDF' })).toBeHidden();
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.locator('.print-sheet')).toBeVisible();
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdf.byteLength).toBeGreaterThan(20_000);
});

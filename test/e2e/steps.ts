// What users do, as reusable steps for the specs.
import { expect, type Page } from '@playwright/test';

export async function createWorkspace(page: Page, name: string, territory = ''): Promise<string> {
  await page.getByLabel('Nom de l’espace de travail').fill(name);
  if (territory) await page.getByLabel(/Territoire/).fill(territory);
  await page.getByRole('button', { name: 'Créer l’espace de travail' }).click();
  await expect(page).toHaveURL(/\/w\/[a-z2-7]{52}$/);
  await expect(page.getByRole('heading', { name: 'Accueil', level: 1 })).toBeVisible();
  return new URL(page.url()).pathname;
}

/** The workspace's sections, as the shell's navigation names them. */
export type Section =
  | 'Accueil'
  | 'Protocoles'
  | 'Dossiers'
  | 'Concertations'
  | 'Plan de crise'
  | 'Qualité'
  | 'Annuaire'
  | 'Groupes'
  | 'Accès';

/** A Paris day `days` from today, as the screens show it (« 5 mars 2027 ») and as typed (jj/mm/aaaa). */
export function parisDay(days: number): { shown: string; typed: string } {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
  const day = new Date(`${today}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  const [y, m, d] = day.toISOString().slice(0, 10).split('-');
  return {
    shown: new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'medium' }).format(day),
    typed: `${d}/${m}/${y}`,
  };
}

/** How far the page is wider than the window, in px: 0 when nothing scrolls sideways. */
export const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** The shell's navigation (on a phone, folded under « Menu »). */
export const sectionsNav = (page: Page) => page.getByRole('navigation', { name: 'Sections de l’espace' });

/**
 * Opens a section from the navigation, unfolding the phone's menu first when it is folded. Accueil's name carries its
 * count when something waits (« Accueil , 1 élément pour vous »).
 */
export async function openSection(page: Page, name: Section): Promise<void> {
  const menu = page.getByRole('button', { name: 'Menu' });
  if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) === 'false') await menu.click();
  await sectionsNav(page)
    .getByRole('link', { name: new RegExp(`^${name}( ,|$)`) })
    .click();
}

/** A jj/mm/aaaa date field, by its label: its day, month and year segments are inside. */
export const dateField = (page: Page, label: string | RegExp) => page.getByRole('group', { name: label });

/** Types a date into a jj/mm/aaaa field, segment by segment as a person would (« 30/06/2027 »). */
export async function fillDate(page: Page, label: string | RegExp, ddmmyyyy: string): Promise<void> {
  const field = dateField(page, label);
  await field.getByRole('spinbutton').first().click();
  await page.keyboard.type(ddmmyyyy.replace(/\D/g, ''));
  await page.keyboard.press('Tab');
}

/** Empties a jj/mm/aaaa field: from its last segment, Backspace clears each one and steps back to the previous. */
export async function clearDate(page: Page, label: string | RegExp): Promise<void> {
  await dateField(page, label).getByRole('spinbutton').last().click();
  for (let i = 0; i < 12; i++) await page.keyboard.press('Backspace');
  await page.keyboard.press('Tab');
}

/** Types a time into an hh:mm field (24-hour clock), as a person would (« 14:30 »). */
export async function fillTime(page: Page, label: string | RegExp, hhmm: string): Promise<void> {
  await dateField(page, label).getByRole('spinbutton').first().click();
  await page.keyboard.type(hhmm.replace(/\D/g, ''));
  await page.keyboard.press('Tab');
}

/**
 * The coordinator makes an invitation link for a role, from the workspace's home. An observer's invitation names them
 * (they cannot fill in their own entry in the annuaire).
 */
export async function invite(
  page: Page,
  role: 'Membre' | 'Observateur·rice (lecture seule)' | 'Coordinateur·rice' = 'Membre',
  name = role === 'Membre' || role === 'Coordinateur·rice' ? '' : 'Agnès Roy',
): Promise<string> {
  await page.getByRole('button', { name: 'Inviter' }).click();
  await page.getByLabel('Rôle').selectOption({ label: role });
  if (name) await page.getByLabel(/^Nom de la personne invitée/).fill(name);
  await page.getByRole('button', { name: 'Créer le lien' }).click();
  const link = await page.getByRole('textbox', { name: 'Lien d’invitation' }).inputValue();
  expect(link).toMatch(/\/join#ey/);
  await expect(page.getByRole('img', { name: /QR code du lien d’invitation/ })).toBeVisible();
  await page.getByRole('button', { name: 'Fermer' }).click();
  return link;
}

/** Opens an invitation link on another device, reads what it says, joins, and lands on the workspace's home. */
export async function joinWorkspace(page: Page, link: string): Promise<void> {
  await page.goto(link);
  await page.getByRole('button', { name: 'Rejoindre l’espace' }).click();
  await expect(page.getByRole('heading', { name: 'Accueil', level: 1 })).toBeVisible();
  expect(page.url()).not.toContain('#');
}

export async function newProtocol(page: Page): Promise<string> {
  await openSection(page, 'Protocoles');
  await page.getByRole('button', { name: 'Nouveau protocole' }).click();
  await expect(page).toHaveURL(/\/protocols\//);
  await expect(body(page)).toBeVisible();
  return new URL(page.url()).pathname;
}

export const body = (page: Page) => page.getByRole('textbox', { name: 'Corps du protocole' });
/** The shell's one sync status: the worst of every open document's, « connexion… » while one is still opening. */
export const docStatus = (page: Page) => page.getByTestId('sync-status');

export async function typeInBody(page: Page, text: string): Promise<void> {
  await body(page).click();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
}

/** The body's text as written, without the colleagues' caret labels. */
export async function bodyText(page: Page): Promise<string> {
  return body(page).evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collaboration-carets__caret').forEach((c) => c.remove());
    return copy.textContent ?? '';
  });
}

/** One cell of the steps table, e.g. stepCell(page, 'Quoi', 1). */
export const stepCell = (page: Page, column: string, n: number) =>
  page.getByLabel(`${column} (étape ${n})`, { exact: true });

export const protocolStatus = (page: Page) => page.getByTestId('protocol-status');

/** Selects a passage of the body by its text, as a reader would with the mouse. */
export async function selectInBody(page: Page, text: string): Promise<void> {
  await body(page).getByText(text, { exact: false }).first().selectText();
}

/** Opens a side-panel tab of the protocol screen (Commentaires, Versions, Historique). */
export async function openTab(page: Page, name: 'Commentaires' | 'Versions' | 'Historique'): Promise<void> {
  await page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
}

/** From « Dossiers »: a patient case (pseudonymised patient, the patient informed) with these colleagues on its team. */
export async function newPatientCase(page: Page, team: string[] = []): Promise<string> {
  await openSection(page, 'Dossiers');
  await page.getByRole('link', { name: 'Nouveau dossier de coordination' }).click();
  await page.getByLabel('Initiales').fill('M.D.');
  await page.getByLabel('Année de naissance').fill('1948');
  await page.getByLabel('Sexe').selectOption({ label: 'Féminin' });
  await page.getByLabel('Commune').fill('Tulle');
  await page.getByLabel('A déclaré un médecin traitant').check();
  await page.getByLabel('ALD', { exact: true }).check();
  await page.getByLabel('Parcours').fill('Insuffisance cardiaque');
  for (const name of team) await addToCareTeam(page, name);
  await page.getByLabel(/Le patient a été informé/).check();
  await page.getByRole('button', { name: 'Créer le dossier' }).click();
  await expect(page).toHaveURL(/\/dossiers\/[A-Za-z0-9_-]{21}$/);
  return new URL(page.url()).pathname;
}

/** Finds a colleague in the annuaire by their first name, as one types, and adds them to the care team. */
export async function addToCareTeam(page: Page, name: string): Promise<void> {
  await page.getByLabel('Rechercher dans l’annuaire').fill(name.split(' ')[0]!);
  await page.getByRole('button', { name: `Ajouter ${name} à l’équipe de soins` }).click();
}

export const careTeam = (page: Page) => page.getByRole('region', { name: 'Équipe de soins' });
export const careTimeline = (page: Page) => page.getByRole('list', { name: 'Notes et décisions' });

export async function addCaseNote(page: Page, text: string): Promise<void> {
  await page.getByLabel('Texte', { exact: true }).fill(text);
  await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
}

/** How many Yjs update rows this browser keeps for a document (IndexedDB, read as the app stores them). */
export function storedUpdates(page: Page, docId: string): Promise<number> {
  return page.evaluate(
    (id) =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open('maillage');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const all = db.transaction('updates').objectStore('updates').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            resolve((all.result as { docId: string }[]).filter((row) => row.docId === id).length);
            db.close();
          };
        };
      }),
    docId,
  );
}

/** A layout-shift entry (not in TypeScript's DOM types): what moved, from where to where. */
type LayoutShift = PerformanceEntry & {
  sources: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
};

/** What moved inside `within` (a CSS selector) since the page loaded, from its layout-shift entries: « class: y→y ». */
export function layoutShifts(page: Page, within: string): Promise<string[]> {
  return page.evaluate(
    (selector) =>
      new Promise<string[]>((resolve) => {
        const moved: string[] = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as LayoutShift[])
            for (const { node, previousRect, currentRect } of entry.sources) {
              const element = node instanceof Element ? node : node?.parentElement;
              if (element?.closest(selector)) moved.push(`${element.className}: ${previousRect.y}→${currentRect.y}`);
            }
        }).observe({ type: 'layout-shift', buffered: true });
        // Buffered entries arrive in the observer's first callback; none at all means none came.
        setTimeout(() => resolve(moved), 200);
      }),
    within,
  );
}

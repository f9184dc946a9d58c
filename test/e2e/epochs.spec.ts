// A browser edits the annuaire offline while the relay rewrites it into a new epoch: back online, the app migrates its
// copy and the edit reaches everyone; after a reload the copy is of the new epoch (docs/decisions/0027).
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { readDirectoryEntry, roomName, setDirectoryEntry, WELL_KNOWN_DOCS } from '@maillage/shared';
import { test, expect, onboard } from './fixtures';
import { createWorkspace } from './steps';
import { startRelayProcess } from '../support/relayProcess';
import { connect, eventually, whenSynced } from '../support/yClient';

const STATIC_DIR = fileURLToPath(new URL('../../client/dist', import.meta.url));

/** A colleague's session (a new client id): one update, relayed once a new reader has it. */
async function session(wsUrl: string, room: string, token: string, edit: (doc: Y.Doc) => void): Promise<void> {
  const writer = connect(wsUrl, room, { doc: new Y.Doc({ gc: true }), token });
  await whenSynced(writer);
  writer.doc.transact(() => edit(writer.doc));
  const expected = JSON.stringify(writer.doc.getMap('members').get('colleague-0000000001'));
  await eventually(async () => {
    const reader = connect(wsUrl, room, { doc: new Y.Doc({ gc: true }), token });
    await whenSynced(reader);
    const seen = JSON.stringify(reader.doc.getMap('members').get('colleague-0000000001'));
    reader.destroy();
    return seen === expected;
  });
  writer.destroy();
}

test('an annuaire edit made offline crosses an epoch change', async ({ browser }) => {
  const relay = await startRelayProcess({
    env: {
      STATIC_DIR,
      COMPACT_AFTER_UPDATES: '10',
      EPOCH_MIN_BYTES: '4096',
      EPOCH_GROWTH: '1.5',
      RATE_PER_SECOND: '100000',
      RATE_BURST: '100000',
    },
  });
  const context = await browser.newContext({ baseURL: relay.url });
  try {
    const page = await context.newPage();
    await page.goto('/');
    await onboard(page, 'Alice Martin', 'Médecin généraliste');
    const workspace = await createWorkspace(page, 'CPTS des Époques');
    await page.goto(`${workspace}/annuaire`);
    await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'synced');
    // This device's token and member id, to let colleagues in from Node.
    const [account] = await page.evaluate(
      () =>
        new Promise<{ id: string; token: string; memberId: string }[]>((resolve, reject) => {
          const open = indexedDB.open('maillage');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const all = open.result.transaction('workspaces').objectStore('workspaces').getAll();
            all.onsuccess = () => resolve(all.result);
          };
        }),
    );
    const room = roomName({ workspaceId: account!.id, docId: WELL_KNOWN_DOCS.directory });

    await context.setOffline(true);
    await page.getByRole('button', { name: 'Ma fiche' }).click();
    const form = page.getByRole('form', { name: 'Ma fiche' });
    await form.getByLabel('Téléphone').fill('05 55 12 34 56');
    await form.getByLabel('Commune').fill('Hors-Ligne-sur-Vézère');
    await form.getByRole('button', { name: 'Enregistrer ma fiche' }).click();
    await expect(page.getByText(/Votre fiche est enregistrée/)).toBeVisible();

    // Colleagues' sessions overwrite their entries until the relay rewrites the annuaire.
    for (let s = 0; !relay.output().includes('epoch_started'); s++) {
      expect(s).toBeLessThan(200);
      await session(relay.wsUrl, room, account!.token, (doc) => {
        for (let m = 0; m < 10; m++)
          setDirectoryEntry(
            doc,
            `colleague-${String(m + 1).padStart(10, '0')}`,
            { name: `Collègue ${m}`, profession: 'infirmier', commune: `Commune ${s}` },
            new Date(Date.UTC(2026, 0, 1, 0, s)),
          );
      });
    }

    await context.setOffline(false);
    await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'synced', { timeout: 20_000 });
    const reader = connect(relay.wsUrl, room, { doc: new Y.Doc({ gc: true }), token: account!.token });
    await whenSynced(reader);
    await eventually(() => readDirectoryEntry(reader.doc, account!.memberId)?.commune === 'Hors-Ligne-sur-Vézère');
    expect(readDirectoryEntry(reader.doc, account!.memberId)?.phone).toBe('05 55 12 34 56');
    expect(readDirectoryEntry(reader.doc, 'colleague-0000000001')?.name).toBe('Collègue 0');
    reader.destroy();
    const list = page.getByRole('list', { name: 'Annuaire' });
    await expect(list).toContainText('Collègue 9');
    await expect(list).toContainText('05 55 12 34 56');

    // Reloaded, the device holds the new epoch: the relay does not ask it to migrate again.
    const migrations = relay.output().split('epoch_changed').length;
    await page.reload();
    await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'synced');
    await expect(page.getByRole('list', { name: 'Annuaire' })).toContainText('05 55 12 34 56');
    expect(relay.output().split('epoch_changed').length).toBe(migrations);
  } finally {
    await context.close();
    await relay.stop();
  }
});

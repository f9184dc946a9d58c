// No access token in any log: a join, then sockets that fail (relay stopped), with every page's console and the relay's output read.
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { createWorkspace, docStatus, invite, joinWorkspace, newProtocol, typeInBody } from './steps';

/** Everything a context's pages print to the console, and their uncaught errors. */
function consoleOf(context: BrowserContext, page: Page): string[] {
  const lines: string[] = [];
  context.on('console', (message) => lines.push(`${message.type()} ${message.text()} ${message.location().url}`));
  context.on('weberror', (error) => lines.push(`weberror ${String(error.error())}`));
  page.on('pageerror', (error) => lines.push(`pageerror ${error.message}`));
  return lines;
}

/** This device's own access token, as the app stores it (IndexedDB `maillage`, table `workspaces`). */
function storedToken(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const request = indexedDB.open('maillage');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const all = request.result.transaction('workspaces').objectStore('workspaces').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            resolve((all.result as { token: string }[])[0]?.token ?? '');
            request.result.close();
          };
        };
      }),
  );
}

test('a join and failing sockets print no token, in any browser console or in the relay’s output', async ({
  newUser,
  relay,
}) => {
  // Its wait for the failed sockets alone may take 30 s: the default 60 s left too little around it on a busy machine.
  test.setTimeout(90_000);
  const alice = await newUser('Alice Martin', 'Médecin généraliste');
  const bruno = await newUser('Bruno Lefèvre');
  const logs = [consoleOf(alice.context, alice.page), consoleOf(bruno.context, bruno.page)];

  await createWorkspace(alice.page, 'CPTS Discrète');
  const link = await invite(alice.page);
  await joinWorkspace(bruno.page, link);
  const protocol = await newProtocol(bruno.page);
  await typeInBody(bruno.page, 'Écrit sans jeton dans les journaux.');
  await alice.page.goto(protocol);
  await expect(docStatus(alice.page)).toHaveAttribute('data-state', 'synced');
  await expect(docStatus(bruno.page)).toHaveAttribute('data-state', 'synced');
  const tokens = [link.split('#')[1]!.split('~')[0]!, await storedToken(alice.page), await storedToken(bruno.page)];
  for (const token of tokens) expect(token).toMatch(/^eyJ/);

  // The relay goes away: every page's sockets fail, and Chromium prints each failed socket's URL.
  const failed = (page: Page) =>
    page.waitForEvent('console', { predicate: (m) => m.text().includes('WebSocket connection to'), timeout: 30_000 });
  const failures = Promise.all([failed(alice.page), failed(bruno.page)]);
  await relay.stop();
  await failures;
  await expect(docStatus(alice.page)).toHaveAttribute('data-state', /offline|connecting/);

  const lines = [...logs.flat(), ...relay.output().split('\n')];
  expect(lines.some((line) => line.includes('WebSocket connection to'))).toBe(true);
  // A leak is reported by what precedes it, so that a failure does not print the token once more.
  const leaks = lines
    .filter((line) => line.includes('eyJ') || tokens.some((t) => line.includes(t.split('.')[1]!)))
    .map((line) => `${line.slice(0, Math.max(0, line.indexOf('eyJ')))}…`);
  expect(leaks).toEqual([]);
});

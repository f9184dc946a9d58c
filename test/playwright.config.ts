// End-to-end: real Chromium (Debian's, Playwright cannot download its own here) against the real relay serving the built
// client. Specs run in Chromium's headless shell, as Playwright's own headless runs do; specs tagged @fullBrowser need
// what only the full browser has (notifications) and run in it (docs/decisions/0031).
import { defineConfig, type LaunchOptions } from '@playwright/test';

const FULL_BROWSER = /@fullBrowser/;

const launchOptions = (executablePath: string): LaunchOptions => ({
  executablePath,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

export default defineConfig({
  testDir: './e2e',
  globalSetup: './support/globalSetup.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  // Two cores, and specs mostly wait on sync: a third worker fills the idle time (docs/decisions/0031).
  workers: 3,
  retries: 0,
  forbidOnly: true,
  outputDir: '../test-results',
  use: {
    browserName: 'chromium',
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    // No trace: recording one in every passing test cost a fifth of the suite's CPU. A failure still leaves the page's
    // accessibility snapshot (error-context.md); `--trace on` records one when chasing a failure.
    trace: 'off',
    // The service worker's install (every asset cached, and compiled by Chromium) was a third of each browser's CPU.
    // Specs that open screens or reload offline allow it: `test.use({ serviceWorkers: 'allow' })` (docs/decisions/0031).
    serviceWorkers: 'block',
  },
  projects: [
    // First: its one spec then runs beside the others, not alone at the end (20 s of one busy worker).
    {
      name: 'full-browser',
      grep: FULL_BROWSER,
      use: { launchOptions: launchOptions(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') },
    },
    {
      name: 'headless-shell',
      grepInvert: FULL_BROWSER,
      use: { launchOptions: launchOptions(process.env.CHROMIUM_SHELL_PATH ?? '/usr/bin/chromium-headless-shell') },
    },
  ],
});

// Builds the client (client/ -> client/dist) and runs every unit and sync test (vitest projects).
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const at = (dir: string) => fileURLToPath(new URL(dir, import.meta.url));

/**
 * Lists the build's assets (`precache.json`) for the service worker to keep at its install: every screen's code is on
 * the device from the first visit, for offline use, without each page load running it (decision 0031).
 */
const precacheList = (): Plugin => ({
  name: 'maillage-precache-list',
  apply: 'build',
  // After Vite's own hooks, which drop the empty JS chunk of a CSS-only module.
  enforce: 'post',
  generateBundle(_options, bundle) {
    const assets = Object.keys(bundle).filter((file) => file.startsWith('assets/') && !file.endsWith('.map'));
    this.emitFile({ type: 'asset', fileName: 'precache.json', source: JSON.stringify(assets.map((f) => `/${f}`)) });
  },
});

export default defineConfig({
  root: at('./client'),
  plugins: [react(), precacheList()],
  // One Yjs in the bundle: two copies break `instanceof` checks and corrupt sync.
  resolve: { dedupe: ['yjs', 'y-protocols', 'lib0', 'react', 'react-dom'] },
  build: { outDir: at('./client/dist'), emptyOutDir: true, sourcemap: true, target: 'es2022' },
  server: {
    port: 5173,
    proxy: { '/sync': { target: 'ws://127.0.0.1:8080', ws: true }, '/healthz': 'http://127.0.0.1:8080' },
  },
  test: {
    // Vitest's default on two cores is one worker, which left half the machine idle while sync tests wait on relays.
    maxWorkers: 2,
    projects: [
      // shared's tests are pure: they share one module graph per worker (isolate: false) rather than re-import Yjs, zod
      // and the layouts for each file (docs/decisions/0031).
      {
        test: {
          name: 'shared',
          root: at('./shared'),
          environment: 'node',
          include: ['src/**/*.test.ts'],
          isolate: false,
        },
      },
      // Property tests run thousands of Yjs updates: seconds each when the machine is busy. A test that mocks a module
      // (`*.isolated.test.ts`) gets a module graph of its own; the others share one per worker.
      {
        test: {
          name: 'relay',
          root: at('./relay'),
          environment: 'node',
          include: ['src/**/*.test.ts'],
          exclude: ['src/**/*.isolated.test.ts'],
          isolate: false,
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'relay-isolated',
          root: at('./relay'),
          environment: 'node',
          include: ['src/**/*.isolated.test.ts'],
        },
      },
      {
        resolve: { dedupe: ['yjs'] },
        test: {
          name: 'client',
          root: at('./client'),
          environment: 'node',
          include: ['src/**/*.test.{ts,tsx}'],
          setupFiles: ['fake-indexeddb/auto'],
          isolate: false,
        },
      },
      // The bench's own tests (its load generator's clock, the floor's frames); no timing of the machine here.
      {
        test: {
          name: 'bench',
          root: at('./bench'),
          environment: 'node',
          include: ['**/*.test.ts'],
          exclude: ['node_modules/**', 'results/**'],
        },
      },
      {
        test: {
          name: 'lint',
          root: at('./test'),
          environment: 'node',
          include: ['lint/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'sync',
          root: at('./test'),
          environment: 'node',
          include: ['sync/**/*.test.ts'],
          // Each file starts its own relays; re-importing Yjs, ws and jose for each file was a third of its time.
          isolate: false,
          globalSetup: ['support/globalSetup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});

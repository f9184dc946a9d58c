// Bundles the relay into ES modules, relay/dist/main.js and its checkpointer's worker thread beside it
// (checkpointWorker.js): no TypeScript loader in the running process (docs/decisions/0000).
import { build } from 'esbuild';

await build({
  entryPoints: ['relay/src/main.ts', 'relay/src/checkpointWorker.ts'],
  outdir: 'relay/dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  // Native addon and its loader stay in node_modules.
  external: ['better-sqlite3'],
  // Bundled CommonJS (ws) calls require(): give the ESM bundle one.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});

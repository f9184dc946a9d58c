// Lint for the whole workspace: TypeScript's recommended rules, React hooks in the client, and the dependency
// directions of ARCHITECTURE.md as errors (decision 0022). Formatting is Prettier's alone.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const restrict = (paths, patterns) => ['error', { paths, patterns }];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      'test-results/**',
      'playwright-report/**',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // The classic two; the React Compiler's rules (refs, set-state-in-effect) wait for the compiler itself.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': restrict(
        [],
        [
          {
            group: ['**/relay/**', '@maillage/relay', '@maillage/relay/*'],
            message: 'The client talks to the relay over the wire only.',
          },
        ],
      ),
    },
  },
  {
    files: ['relay/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [
          {
            name: '@maillage/shared',
            message: 'The relay imports @maillage/shared/sync only: it never reads documents.',
          },
          { name: '@maillage/shared/docs', message: 'The relay never reaches the document layouts.' },
          { name: '@maillage/shared/domain', message: 'The relay knows no domain vocabulary.' },
        ],
        [
          {
            group: ['**/client/**', '@maillage/client', '@maillage/client/*'],
            message: 'The relay never imports the client.',
          },
          { group: ['**/shared/src/**'], message: 'Import @maillage/shared/sync, not its files.' },
          { group: ['react', 'react-dom', 'react-dom/*'], message: 'The relay has no UI.' },
          { group: ['dexie', 'y-indexeddb'], message: 'The relay stores in SQLite; Dexie is the browser store.' },
        ],
      ),
    },
  },
  { files: ['client/public/sw.js'], languageOptions: { globals: { ...globals.serviceworker } } },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': restrict(
        [],
        [
          {
            group: ['react', 'react-dom', 'react-dom/*', '@tiptap/*'],
            message: 'shared runs in the relay too: no React.',
          },
          {
            group: ['@maillage/*', '**/client/**', '**/relay/**'],
            message: 'shared depends on no other package of the workspace.',
          },
          { group: ['node:*'], message: 'shared runs in the browser too: no Node built-ins outside tests.' },
        ],
      ),
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'localStorage',
        'sessionStorage',
        'indexedDB',
        'navigator',
        'location',
        'HTMLElement',
      ],
    },
  },
  { files: ['shared/**/*.test.ts'], rules: { 'no-restricted-imports': 'off' } },
  prettier,
  // After Prettier's config, which turns it off: Prettier wraps code at 120, this catches comments and strings.
  { rules: { 'max-len': ['error', { code: 160, ignoreUrls: true, ignoreRegExpLiterals: true, ignoreStrings: true }] } },
);

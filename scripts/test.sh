#!/usr/bin/env bash
# README command 2: installs everything, then runs every test — types, unit, sync (real relay), end-to-end (real Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=Europe/Paris
started=$(date +%s)

bash scripts/bootstrap.sh
bash scripts/install-chromium.sh

# The type check and the linter each keep one core busy: run side by side, then formatting beside the client's build.
echo "→ vérification des types (tsc -b), lint (ESLint)"
pnpm exec tsc -b &
types=$!
pnpm exec eslint . --max-warnings 0 &
lint=$!
wait $types
wait $lint

echo "→ mise en forme (Prettier), construction du client (vite build)"
pnpm exec prettier --check . --log-level warn &
format=$!
pnpm exec vite build --logLevel warn
wait $format

reports=$(mktemp -d)
status=0
echo "→ tests unitaires et de synchronisation (vitest)"
pnpm exec vitest run --reporter=default --reporter=json --outputFile.json="$reports/vitest.json" || status=$?

echo "→ tests de bout en bout (Playwright, Chromium)"
PLAYWRIGHT_JSON_OUTPUT_NAME="$reports/playwright.json" \
  pnpm exec playwright test -c test/playwright.config.ts --reporter=list,json || status=$?

node scripts/test-summary.mjs "$reports/vitest.json" "$reports/playwright.json"
echo "suite: $(( $(date +%s) - started )) s"
exit $status

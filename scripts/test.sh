#!/usr/bin/env bash
# README command 2: installs everything, then runs every test — types, unit, sync (real relay), end-to-end (real Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=Europe/Paris
started=$(date +%s)

bash scripts/bootstrap.sh
bash scripts/install-chromium.sh

# Redis and PostgreSQL for the scale-out tests install in the background (mostly waiting on the network), beside the
# type check and the linter, which each keep one core busy; then formatting beside the client's build.
bash scripts/install-scale-out.sh > "${TMPDIR:-/tmp}/maillage-install-scale-out.log" 2>&1 &
scale_out=$!
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

# Not fatal here: without them the scale-out tests fail, saying what to install.
if ! wait $scale_out; then
  echo "⚠ Redis/PostgreSQL non installés ($(tail -n 3 "${TMPDIR:-/tmp}/maillage-install-scale-out.log" | tr '\n' ' '))" >&2
fi

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

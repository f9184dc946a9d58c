#!/usr/bin/env bash
# Installs what Maillage needs on a fresh Debian machine with Node 20: pnpm 10, then the workspace's packages.
set -euo pipefail
cd "$(dirname "$0")/.."

node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "Maillage a besoin de Node.js 20 ou plus récent (trouvé : $(node --version))." >&2
  exit 1
fi

# corepack's signature check fails here, so pnpm comes from npm.
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version | cut -d. -f1)" != "10" ]; then
  echo "→ installation de pnpm 10"
  npm install --global --silent pnpm@10 >/dev/null
fi

echo "→ installation des dépendances (pnpm install)"
if [ "${CI:-}" = "true" ]; then
  pnpm install --frozen-lockfile --reporter=append-only
else
  pnpm install --reporter=append-only
fi

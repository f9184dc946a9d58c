#!/usr/bin/env bash
# README command 1: installs, builds the client, and starts the relay that serves it (again, should it die). PORT, HOST, DATA_DIR from the environment.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
echo "→ construction du client et du relais"
pnpm exec vite build --logLevel warn
export DATA_DIR="${DATA_DIR:-./data}"
export WORKSPACES="${WORKSPACES:-first}" # the first workspace to connect claims this relay (README, settings)
node scripts/build-relay.mjs
# Node flags and entry point: relay/launch.json, shared with the tests and the benchmarks. Started again if it dies.
exec bash scripts/supervise.sh node $(node -p "require('./relay/launch.json').nodeArgs.join(' ')") "$@"

#!/usr/bin/env bash
# The scale-out tests (docs/decisions/0040) run two relays on Redis and PostgreSQL: installs both Debian packages when
# missing. Nothing is started here, and no service is enabled: the tests start their own on free ports
# (test/support/sharedStore.ts). README command 1 never needs this.
set -euo pipefail
if command -v redis-server >/dev/null 2>&1 && compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then exit 0; fi
echo "→ installation de Redis et PostgreSQL (Debian), pour les tests à plusieurs relais"
sudo_cmd=""
if [ "$(id -u)" != "0" ]; then sudo_cmd="sudo"; fi
apt_get() { DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get -o DPkg::Lock::Timeout=120 "$@"; }
apt_get update -qq
# policy-rc.d: the packages' own services are not started (the tests start theirs).
policy=/usr/sbin/policy-rc.d
added_policy=""
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | $sudo_cmd tee "$policy" >/dev/null
  $sudo_cmd chmod +x "$policy"
  added_policy=1
fi
status=0
apt_get install -y -qq --no-install-recommends redis-server postgresql >/dev/null || status=$?
if [ -n "$added_policy" ]; then $sudo_cmd rm -f "$policy"; fi
exit $status

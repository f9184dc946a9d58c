#!/usr/bin/env bash
# Playwright cannot download its browsers here: it drives Debian's Chromium. The end-to-end suite runs in its headless
# shell (what Playwright itself uses for headless runs, a third of full Chromium's CPU); the one spec that needs what
# only the full browser has (notifications) runs in /usr/bin/chromium. See docs/decisions/0031.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromium-headless-shell ]; then exit 0; fi
echo "→ installation de Chromium (Debian)"
sudo_cmd=""
if [ "$(id -u)" != "0" ]; then sudo_cmd="sudo"; fi
$sudo_cmd apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium chromium-headless-shell >/dev/null

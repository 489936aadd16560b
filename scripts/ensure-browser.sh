#!/usr/bin/env bash
# The browser test drives Chromium. Prefer Debian's (installed with apt when we may); otherwise
# let Playwright download its own build. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -n "${CHROMIUM_PATH:-}" ] || command -v chromium >/dev/null; then
  exit 0
fi
if command -v apt-get >/dev/null; then
  as_root=""
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && sudo -n true 2>/dev/null; then as_root=sudo; fi
  if [ "$(id -u)" -eq 0 ] || [ -n "$as_root" ]; then
    $as_root apt-get update -qq
    $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
    exit 0
  fi
fi
echo "No Chromium found and apt is not available to us: downloading Playwright's Chromium." >&2
.venv/bin/python -m playwright install chromium

#!/usr/bin/env bash
# The browser test drives Chromium. Prefer Debian's (installed with apt when we may); otherwise
# let Playwright download its own build. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -n "${CHROMIUM_PATH:-}" ] || command -v chromium >/dev/null; then
  exit 0
fi
if scripts/apt-install.sh chromium; then
  exit 0
fi
echo "No Chromium found and we may not install it with apt: downloading Playwright's Chromium." >&2
.venv/bin/python -m playwright install chromium

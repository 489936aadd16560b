#!/usr/bin/env bash
# Installs Debian packages when we may (root, or sudo without a password); exits 1 otherwise, so
# the caller can fall back or explain. Usage: scripts/apt-install.sh package...
set -euo pipefail

command -v apt-get >/dev/null || exit 1
as_root=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null && sudo -n true 2>/dev/null || exit 1
  as_root=sudo
fi
$as_root apt-get update -qq
$as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"

#!/usr/bin/env bash
# WeasyPrint (the PDF printouts) draws text with Pango and subsets the embedded Sarabun with
# HarfBuzz's subsetter. Without libharfbuzz-subset it falls back to fontTools, which makes every
# PDF about ten times slower (a printout ~300 ms instead of ~80 ms), and future WeasyPrint
# releases require it. Installs what is missing with apt when we may. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

ldconfig_bin=$(command -v ldconfig || echo /sbin/ldconfig) # not on a normal user's PATH
has_library() { "$ldconfig_bin" -p 2>/dev/null | grep -q "$1"; }

missing=()
has_library 'libpango-1.0.so.0' || missing+=(libpango-1.0-0 libpangoft2-1.0-0)
has_library 'libharfbuzz-subset.so.0' || missing+=(libharfbuzz-subset0)
[ ${#missing[@]} -eq 0 ] && exit 0

if ! scripts/apt-install.sh "${missing[@]}"; then
  echo "Please install ${missing[*]} (Debian/Ubuntu package names) for the PDF printouts:" \
    "https://doc.courtbouillon.org/weasyprint/stable/first_steps.html" >&2
fi

#!/usr/bin/env bash
# Sets up, migrates the SQLite database, loads the demo content and serves http://127.0.0.1:8000
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export DJANGO_SETTINGS_MODULE=portal.settings.dev
.venv/bin/python manage.py migrate --noinput
.venv/bin/python manage.py load_demo_content
# A throw-away DEMO CA and office certificate (.demo-signing/, git-ignored; kept while valid): the
# reply files and completed printouts are signed with it (README, Design notes: Signed documents).
.venv/bin/python manage.py make_demo_signing_certificate
exec .venv/bin/python manage.py runserver 127.0.0.1:8000

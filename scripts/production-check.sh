#!/usr/bin/env bash
# The production stack, brought up on this machine from the files an office installs (deploy/,
# gunicorn.conf.py, portal.settings.production) and walked through over HTTPS (README, Production):
# nginx terminating TLS with a throw-away certificate in front of two gunicorn app servers,
# PostgreSQL through the connection pool (a fresh database, dropped at the end), Redis as the cache,
# moto's S3 server for the private files, the background worker; then the main journey
# (scripts/production_journey.py), with one app server killed half-way and then Redis paused (a cache
# that hangs: pages come from the database) and resumed. Stops all it started.
#
# Needs: PostgreSQL at 127.0.0.1:5432 (user postgres, trust) and the venv (scripts/setup.sh).
# Installs nginx, openssl, envsubst and redis-server from Debian's packages when missing; starts its
# own Redis (so that it may pause it). Settings (environment): PRODCHECK_DB (oss_prodcheck),
# PRODCHECK_PORT (8201: this and the next seven ports), PRODCHECK_PG (postgres://postgres@127.0.0.1:5432),
# PRODCHECK_THEN (a command run after the journey, before the backup: benchmarks/load_test.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=$ROOT/.venv/bin/python

DB=${PRODCHECK_DB:-oss_prodcheck}
PG=${PRODCHECK_PG:-postgres://postgres@127.0.0.1:5432}
BASE_PORT=${PRODCHECK_PORT:-8201}
APP1=$BASE_PORT APP2=$((BASE_PORT + 1)) S3_PORT=$((BASE_PORT + 2)) HTTPS_PORT=$((BASE_PORT + 3))
RECAPTCHA_PORT=$((BASE_PORT + 4)) HTTP_PORT=$((BASE_PORT + 5)) SMTP_PORT=$((BASE_PORT + 6))
REDIS_PORT=$((BASE_PORT + 7))

say() { printf '\n== production check: %s\n' "$*"; }
fail() { printf 'production check FAILED: %s\n' "$*" >&2; exit 1; }

# --- Debian packages -------------------------------------------------------------------------------
missing=()
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v openssl >/dev/null || missing+=(openssl)
command -v envsubst >/dev/null || missing+=(gettext-base)
command -v psql >/dev/null || missing+=(postgresql-client)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  scripts/apt-install.sh "${missing[@]}" || fail "cannot install ${missing[*]} (run as root or with sudo)"
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

WORK=$(mktemp -d /tmp/oss-prodcheck.XXXXXX)
PIDS=()
started() { PIDS+=("$1"); }
cleanup() {
  local status=$?
  set +e
  say "stopping everything it started"
  [ -f "$WORK/nginx/nginx.pid" ] && kill "$(cat "$WORK/nginx/nginx.pid")" 2>/dev/null
  for pid in "${PIDS[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null; done
  sleep 2
  for pid in "${PIDS[@]}"; do kill -KILL -- "-$pid" 2>/dev/null; done
  psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1
  if [ $status -ne 0 ]; then
    for log in "$WORK"/logs/*.log "$WORK"/nginx/*.log; do
      [ -f "$log" ] && { echo "--- last lines of $log"; tail -n 25 "$log"; }
    done
  fi
  rm -rf "$WORK"
  [ $status -eq 0 ] && say "PASSED" || echo "production check FAILED (exit $status)" >&2
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir -p "$WORK/logs" "$WORK/nginx" "$WORK/static" "$WORK/media"

# Start a command in its own process group (so that it and its children can be stopped together).
background() { local log=$1; shift; setsid "$@" >"$WORK/logs/$log.log" 2>&1 & started $!; }
wait_for() { # url, what
  for _ in $(seq 1 120); do curl -fsS --cacert "$WORK/tls/ca.pem" -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.5; done
  fail "$2 did not come up ($1)"
}
wait_for_ready() { # url, what: until /readyz says "ok" (a server without its cache or worker says "degraded")
  for _ in $(seq 1 120); do
    curl -fsS --cacert "$WORK/tls/ca.pem" "$1" 2>/dev/null | grep -q '"status": "ok"' && return 0; sleep 0.5
  done
  fail "$2 did not come up ($1)"
}

# --- a throw-away certificate authority and certificate for localhost -------------------------------
say "throw-away CA and certificate"
mkdir -p "$WORK/tls" && cd "$WORK/tls"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=OSS production check CA" \
  -keyout ca.key -out ca.pem -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout site.key -out site.csr 2>/dev/null
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' >site.ext
openssl x509 -req -in site.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 1 -extfile site.ext -out site.pem 2>/dev/null
cd "$ROOT"

# --- a throw-away DEMO CA and office certificate for signing documents (README, Production) -----------
say "throw-away signing certificate"
DJANGO_SETTINGS_MODULE=portal.settings.dev "$PY" manage.py make_demo_signing_certificate \
  --folder "$WORK/signing" --office "สำนักงานตรวจสอบระบบ (production check)" >/dev/null

# --- PostgreSQL, Redis, S3, the reCAPTCHA stand-in ----------------------------------------------------
say "database $DB"
psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null
psql "$PG/postgres" -qc "CREATE DATABASE $DB" >/dev/null

command -v redis-server >/dev/null || scripts/apt-install.sh redis-server || fail "no Redis and cannot install it"
say "Redis on port $REDIS_PORT"
background redis redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no
REDIS_PID=${PIDS[-1]}
REDIS=redis://127.0.0.1:$REDIS_PORT/0
for _ in $(seq 1 60); do "$PY" -c "import redis,sys; redis.Redis.from_url(sys.argv[1]).ping()" "$REDIS" 2>/dev/null && break; sleep 0.5; done

say "moto S3 server on port $S3_PORT"
background moto "$ROOT/.venv/bin/moto_server" -H 127.0.0.1 -p "$S3_PORT"
for _ in $(seq 1 60); do curl -fsS -o /dev/null "http://127.0.0.1:$S3_PORT/" 2>/dev/null && break; sleep 0.5; done
background recaptcha "$PY" scripts/production_journey.py recaptcha-stand-in --port "$RECAPTCHA_PORT" \
  --certificate "$WORK/tls/site.pem" --key "$WORK/tls/site.key"
background mail "$PY" scripts/production_journey.py mail-stand-in --port "$SMTP_PORT"

# --- the portal's environment file (as /etc/oss-portal/env in an office) ------------------------------
cat >"$WORK/env" <<EOF
DJANGO_SETTINGS_MODULE=portal.settings.production
SECRET_KEY=$(openssl rand -hex 32)
CITIZEN_ID_HASH_KEY=$(openssl rand -hex 32)
ALLOWED_HOSTS=localhost
PORTAL_BASE_URL=https://localhost:$HTTPS_PORT
TRUSTED_PROXY_COUNT=1
DATABASE_URL=$PG/$DB
DB_POOL_MAX_SIZE=4
REDIS_URL=$REDIS
CACHE_KEY_PREFIX=prodcheck-$$
AWS_STORAGE_BUCKET_NAME=oss-prodcheck
AWS_S3_ENDPOINT_URL=http://127.0.0.1:$S3_PORT
AWS_S3_REGION_NAME=us-east-1
AWS_ACCESS_KEY_ID=prodcheck
AWS_SECRET_ACCESS_KEY=prodcheck
RECAPTCHA_PUBLIC_KEY=prodcheck-public
RECAPTCHA_PRIVATE_KEY=prodcheck-private
RECAPTCHA_DOMAIN=localhost:$RECAPTCHA_PORT
SSL_CERT_FILE=$WORK/tls/ca.pem
REQUEST_BODY_MAX_MB=21
MEDIA_ROOT=$WORK/media
STATIC_ROOT=$WORK/static
GUNICORN_WORKERS=2
EMAIL_HOST=127.0.0.1
EMAIL_PORT=$SMTP_PORT
SIGNING_CERTIFICATE=$WORK/signing/office-certificate.pem
SIGNING_KEY=$WORK/signing/office-key.pem
SIGNING_TRUST_ROOTS=$WORK/signing/demo-ca.pem
EOF
set -a; . "$WORK/env"; set +a

say "the private bucket, migrate, collectstatic, demo content"
"$PY" - <<'EOF'
import os, boto3
boto3.client("s3", endpoint_url=os.environ["AWS_S3_ENDPOINT_URL"], region_name="us-east-1").create_bucket(
    Bucket=os.environ["AWS_STORAGE_BUCKET_NAME"])
EOF
"$PY" manage.py check --deploy --fail-level WARNING
"$PY" manage.py migrate --no-input -v0
"$PY" manage.py collectstatic --no-input -v0
"$PY" manage.py load_demo_content >"$WORK/logs/demo.log"
OFFICER_KEY=$(grep 1000000000025 "$WORK/logs/demo.log" | grep -oE '\b[A-Z2-7]{32}\b' | head -1)
[ -n "$OFFICER_KEY" ] || fail "the demo did not print the officer's authenticator key"

# --- the deploy/ files, rendered as the README tells an office to ---------------------------------------
say "rendering deploy/ for this machine"
export SERVER_NAME=localhost HTTP_PORT HTTPS_PORT REQUEST_BODY_MAX_MB=21 NGINX_LOG_DIR=$WORK/nginx \
  TLS_CERTIFICATE=$WORK/tls/site.pem TLS_CERTIFICATE_KEY=$WORK/tls/site.key \
  APP_SERVER_1=127.0.0.1:$APP1 APP_SERVER_2=127.0.0.1:$APP2 \
  OSS_HOME=$ROOT OSS_USER=$(id -un) OSS_ENV_FILE=$WORK/env OSS_BACKUP_TO=$WORK/backup OSS_BACKUP_KEEP=30 OSS_MEDIA_ROOT=$WORK/media
placeholders=$(sed -n 's/^\([A-Z_0-9]*\)=.*/${\1}/p' deploy/site.env | tr '\n' ' ')
mkdir -p "$WORK/deploy"
for file in deploy/nginx/oss-portal.conf deploy/systemd/*; do
  envsubst "$placeholders" <"$file" >"$WORK/deploy/$(basename "$file")"
done
! grep -n '\${[A-Z_0-9]*}' "$WORK"/deploy/* || fail "a placeholder is left in the rendered deploy/ files"

# Run a systemd unit's ExecStart the way systemd would: its WorkingDirectory, EnvironmentFile and
# Environment= lines (this machine has no systemd to run it).
run_unit() { # log name, unit file, instance
  local unit=$WORK/deploy/$2 instance=${3:-}
  local exec_start environment
  exec_start=$(sed -n 's/^ExecStart=//p' "$unit" | sed "s/%i/$instance/g")
  environment=$(sed -n 's/^Environment=//p' "$unit" | sed "s/%i/$instance/g")
  # shellcheck disable=SC2086 # the unit's words, split as systemd splits them
  setsid env -C "$(sed -n 's/^WorkingDirectory=//p' "$unit")" $environment $exec_start >"$WORK/logs/$1.log" 2>&1 &
  started $!
}
# A oneshot unit (the backup's), in the foreground: its ExecStart as its timer would start it.
run_oneshot() { # log name, unit file
  local unit=$WORK/deploy/$2
  # shellcheck disable=SC2046 # the unit's words, split as systemd splits them
  env -C "$(sed -n 's/^WorkingDirectory=//p' "$unit")" $(sed -n 's/^ExecStart=//p' "$unit") | tee "$WORK/logs/$1.log"
}

say "two app servers (oss-portal@$APP1, oss-portal@$APP2) and the worker"
run_unit app1 oss-portal@.service "$APP1"
run_unit app2 oss-portal@.service "$APP2"
run_unit worker oss-portal-worker.service
APP1_PID=${PIDS[-3]} APP2_PID=${PIDS[-2]} WORKER_PID=${PIDS[-1]}
for port in "$APP1" "$APP2"; do
  for _ in $(seq 1 120); do curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null && break; sleep 0.5; done
  curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" || fail "app server $port did not come up"
done

say "nginx on https://localhost:$HTTPS_PORT"
# Run as root (CI), nginx's workers would be "nobody" and could not write request bodies over 16 kB
# into the temporary folder under $WORK (mode 700): they run as root here. (An office's nginx runs
# with Debian's own nginx.conf, workers as www-data, temporary files under /var/lib/nginx.)
NGINX_USER=""
[ "$(id -u)" = 0 ] && NGINX_USER="user root;"
# Workers and connections as Debian's own nginx.conf has them, so a load test meets what an office's
# nginx would.
cat >"$WORK/nginx/nginx.conf" <<EOF
$NGINX_USER
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 768; }
http {
    include /etc/nginx/mime.types;
    client_body_temp_path $WORK/nginx/body;
    proxy_temp_path $WORK/nginx/proxy;
    fastcgi_temp_path $WORK/nginx/fastcgi;
    uwsgi_temp_path $WORK/nginx/uwsgi;
    scgi_temp_path $WORK/nginx/scgi;
    include $WORK/deploy/oss-portal.conf;
}
EOF
"$NGINX" -t -q -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/error.log"
"$NGINX" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/error.log"
wait_for "https://localhost:$HTTPS_PORT/healthz" nginx
[ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$HTTP_PORT/")" = 301 ] || fail "port $HTTP_PORT does not redirect to HTTPS"
# Let's Encrypt's renewals are answered over HTTP from certbot's webroot (here: nothing there, 404).
acme=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$HTTP_PORT/.well-known/acme-challenge/probe")
[ "$acme" = 404 ] || fail "port $HTTP_PORT answers certbot's challenge path with $acme, not from the webroot"

say "the journey"
"$PY" scripts/production_journey.py journey \
  --base-url "https://localhost:$HTTPS_PORT" --ca "$WORK/tls/ca.pem" \
  --nginx-log "$WORK/nginx/oss-portal.access.log" --officer-key "$OFFICER_KEY" \
  --app-servers "127.0.0.1:$APP1,127.0.0.1:$APP2" \
  --database-url "$DATABASE_URL" \
  --connection-bound $((2 * GUNICORN_WORKERS * DB_POOL_MAX_SIZE + 2)) \
  --kill-group "$APP1_PID" --redis-group "$REDIS_PID"

say "what the logs show"
echo "nginx, requests per app server:"
"$PY" -c "
import collections, json, sys
counts = collections.Counter(json.loads(line)['upstream'] for line in open(sys.argv[1]))
for server, count in sorted(counts.items()): print(f'  {server or \"(nginx itself)\"}: {count}')
" "$WORK/nginx/oss-portal.access.log"
grep -c '"logger": "gunicorn.access"' "$WORK/logs/app2.log" >/dev/null || fail "app server 2 wrote no JSON access log"
echo "app server 2, one access log line:"; grep '"logger": "gunicorn.access"' "$WORK/logs/app2.log" | grep -v healthz | tail -1
# Expected errors: Redis's pause (once per process). /readyz says "degraded" then, with 200.
EXPECTED_ERRORS='The cache \(Redis\) failed'
if grep '"level": "ERROR"' "$WORK"/logs/app*.log | grep -Eqv "$EXPECTED_ERRORS"; then
  grep '"level": "ERROR"' "$WORK"/logs/app*.log | grep -Ev "$EXPECTED_ERRORS" | cut -c1-600 | head -5
  fail "errors in the app servers' logs"
fi
grep -q 'The cache (Redis) failed' "$WORK"/logs/app2.log || fail "app server 2 did not log Redis's pause"
echo "app server 2 while Redis was paused, and after:"
grep -oE '"message": "The cache \(Redis\) (failed|answers again)[^"]*"' "$WORK/logs/app2.log" | sort | uniq -c
# The worker ran the tasks of the journey and those the demo content enqueued before it started:
# a failed task is an error too (Redis's pause may reach its heartbeat: expected, as above).
if grep '"level": "ERROR"' "$WORK/logs/worker.log" | grep -Eqv "$EXPECTED_ERRORS"; then
  grep '"level": "ERROR"' "$WORK/logs/worker.log" | grep -Ev "$EXPECTED_ERRORS" | cut -c1-600 | head -5
  fail "errors in the worker's log"
fi
echo "the worker ran $(grep -c 'state=SUCCESSFUL' "$WORK/logs/worker.log") task(s), none failed"
echo "notification e-mails the worker sent: $(grep -c 'one message received' "$WORK/logs/mail.log")"

# PRODCHECK_THEN="command": run it now, against the whole stack (both app servers again), with the
# stack's address and keys in the environment; benchmarks/load_test.sh runs the load test so. Not
# set by default (nor in CI): the load test takes many minutes.
if [ -n "${PRODCHECK_THEN:-}" ]; then
  say "PRODCHECK_THEN: $PRODCHECK_THEN"
  run_unit app1-again oss-portal@.service "$APP1"
  for _ in $(seq 1 120); do curl -fsS -o /dev/null "http://127.0.0.1:$APP1/healthz" 2>/dev/null && break; sleep 0.5; done
  PRODCHECK_URL="https://localhost:$HTTPS_PORT" PRODCHECK_CA="$WORK/tls/ca.pem" PRODCHECK_OFFICER_KEY="$OFFICER_KEY" \
    PRODCHECK_LOGS="$WORK/logs" PRODCHECK_NGINX_LOG="$WORK/nginx/oss-portal.access.log" \
    bash -c "$PRODCHECK_THEN" || fail "PRODCHECK_THEN failed"
  kill -TERM -- "-${PIDS[-1]}" 2>/dev/null || true # the first app server stays down, as the journey left it
fi

# Backups: back up while serving, stop the portal, wipe the database and both storages, restore
# (restore_portal compares every table's row count and every file's checksum with the manifest and
# fails on any difference), then serve again from the restored data.
say "backup, wipe, restore, compare"
run_oneshot backup oss-portal-backup.service
for pid in "$APP2_PID" "$WORKER_PID"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
sleep 2
psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null
psql "$PG/postgres" -qc "CREATE DATABASE $DB" >/dev/null
"$PY" - <<'EOF'
import os, boto3
bucket = boto3.resource("s3", endpoint_url=os.environ["AWS_S3_ENDPOINT_URL"], region_name="us-east-1").Bucket(
    os.environ["AWS_STORAGE_BUCKET_NAME"])
bucket.objects.all().delete()
assert not list(bucket.objects.all()), "the bucket is not empty"
EOF
find "$MEDIA_ROOT" -mindepth 1 -delete
[ -z "$(ls -A "$MEDIA_ROOT")" ] || fail "the public files were not wiped"
"$PY" manage.py restore_portal --from "$WORK/backup" | tee "$WORK/logs/restore.log"
run_unit app2-restored oss-portal@.service "$APP2"
run_unit worker-restored oss-portal-worker.service
wait_for_ready "https://localhost:$HTTPS_PORT/readyz" "the restored portal (all four readiness checks ok)"
echo "the restored portal is ready: $(curl -fsS --cacert "$WORK/tls/ca.pem" "https://localhost:$HTTPS_PORT/readyz")"

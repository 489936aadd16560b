#!/usr/bin/env bash
# The load test (README, Performance, Load): brings up the production check's stack
# (scripts/production-check.sh, which walks its journey first) and, through its PRODCHECK_THEN hook,
# runs locust (benchmarks/locustfile.py) against it: LOAD_USERS (50) users for LOAD_TIME (10m), then
# the stepped run (benchmarks/locust_steps.py: LOAD_STEPS users, LOAD_STEP_SECONDS each). CSV stats,
# locust's reports and snapshots of the processes (top every 15 s) and of PostgreSQL's connections go
# to LOAD_OUT (/tmp/oss-load-<time>). The production check's settings apply (PRODCHECK_PORT, ...).
set -euo pipefail
cd "$(dirname "$0")/.."
export LOAD_USERS=${LOAD_USERS:-50} LOAD_TIME=${LOAD_TIME:-10m} LOAD_OUT=${LOAD_OUT:-/tmp/oss-load-$(date -u +%Y%m%dT%H%M%S)}
export LOAD_STEPS=${LOAD_STEPS:-100,150,200,250,300} LOAD_STEP_SECONDS=${LOAD_STEP_SECONDS:-120}
mkdir -p "$LOAD_OUT"
if [ "${1:-}" != "--under-the-check" ]; then
  PRODCHECK_THEN="$PWD/benchmarks/load_test.sh --under-the-check" exec scripts/production-check.sh
fi

# Inside the production check: the stack is up (PRODCHECK_URL, PRODCHECK_CA, PRODCHECK_OFFICER_KEY).
export LOAD_CA=$PRODCHECK_CA LOAD_OFFICER_KEY=$PRODCHECK_OFFICER_KEY
LOCUST=$PWD/.venv/bin/locust
snapshots() { # every 15 s: the busiest processes and the portal's PostgreSQL connections by state
  # Not under -e/pipefail: `head` closing the pipe early would end the loop after its first round.
  set +e +o pipefail
  while sleep 15; do
    { date -u +%T; top -b -n 2 -d 2 -w 200 | awk '/^top -/ { n++ } n == 2' | head -22 # the second: CPU over 2 s
      psql "$DATABASE_URL" -Atc "SELECT state, wait_event_type, count(*) FROM pg_stat_activity WHERE datname = current_database() GROUP BY 1, 2" 2>/dev/null
      echo; } >>"$LOAD_OUT/snapshots.txt"
  done
}
snapshots & SNAPSHOTS=$!
trap 'kill $SNAPSHOTS 2>/dev/null || true' EXIT

echo "== load: $LOAD_USERS users for $LOAD_TIME against $PRODCHECK_URL (results in $LOAD_OUT)"
"$LOCUST" -f benchmarks/locustfile.py --host "$PRODCHECK_URL" --headless -u "$LOAD_USERS" -r 5 -t "$LOAD_TIME" \
  --csv "$LOAD_OUT/steady" --html "$LOAD_OUT/steady.html" --only-summary --exit-code-on-error 0 \
  2>&1 | tee "$LOAD_OUT/steady.txt" | tail -n 40
echo "== load: stepped, $LOAD_STEPS users, $LOAD_STEP_SECONDS s each"
"$LOCUST" -f benchmarks/locustfile.py,benchmarks/locust_steps.py --host "$PRODCHECK_URL" --headless \
  --csv "$LOAD_OUT/steps" --csv-full-history --html "$LOAD_OUT/steps.html" --only-summary --exit-code-on-error 0 \
  2>&1 | tee "$LOAD_OUT/steps.txt" | tail -n 40
cp "$PRODCHECK_LOGS"/app*.log "$PRODCHECK_NGINX_LOG" "$LOAD_OUT/" 2>/dev/null || true
echo "== load: done; results in $LOAD_OUT"

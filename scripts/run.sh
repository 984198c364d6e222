#!/usr/bin/env bash
# `make run`: the whole product on embedded defaults — backend (embedded PostgreSQL under ./data, dev profile for the
# Mini App's browser login), the Mini App at /app/, and the admin UI. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."

export DM_DATA_DIR="${DM_DATA_DIR:-$PWD/data}"
BACKEND_PORT="${BACKEND_PORT:-8080}"
# Listen on this machine only (the dev profile's browser sign-in is for this machine); BIND_ADDRESS=0.0.0.0 to share.
BIND_ADDRESS="${BIND_ADDRESS:-127.0.0.1}"
ADMIN_PORT="${ADMIN_PORT:-8081}"
mkdir -p "$DM_DATA_DIR/logs"
backend_log="$DM_DATA_DIR/logs/backend.log"
admin_log="$DM_DATA_DIR/logs/admin-ui.log"

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

wait_for() { # url, seconds, name, log
  for _ in $(seq "$2"); do
    if curl -fsS -o /dev/null "$1" 2>/dev/null; then return 0; fi
    sleep 1
  done
  echo "$3 did not start within $2 s; last lines of $4:" >&2
  tail -n 40 "$4" >&2
  exit 1
}

echo "Starting backend on :$BACKEND_PORT (log: $backend_log) ..."
# The dev profile (browser sign-in as anyone) only without a real bot or database: the backend refuses otherwise.
if [ -z "${TELEGRAM_BOT_TOKEN:-}" ] && [ -z "${DATABASE_URL:-}" ]; then default_profile=dev; else default_profile=default; fi
SERVER_ADDRESS="$BIND_ADDRESS" SERVER_PORT="$BACKEND_PORT" SPRING_PROFILES_ACTIVE="${SPRING_PROFILES_ACTIVE:-$default_profile}" \
  "$JAVA_HOME/bin/java" -jar backend/target/backend.jar >"$backend_log" 2>&1 &
pids+=($!)
wait_for "http://localhost:$BACKEND_PORT/actuator/health" 180 backend "$backend_log"

echo "Starting admin UI on :$ADMIN_PORT (log: $admin_log) ..."
SERVER_ADDRESS="$BIND_ADDRESS" SERVER_PORT="$ADMIN_PORT" DM_BACKEND_URL="http://localhost:$BACKEND_PORT" \
  "$JAVA_HOME/bin/java" -jar admin-ui/target/admin-ui.jar >"$admin_log" 2>&1 &
pids+=($!)
wait_for "http://localhost:$ADMIN_PORT/" 180 "admin UI" "$admin_log"

cat <<MSG

  Dark Maximus 3 is running.
    Mini App:   http://localhost:$BACKEND_PORT/app/   (dev login outside Telegram; ?devUser=<telegram id>)
    Admin UI:   http://localhost:$ADMIN_PORT/
    REST API:   http://localhost:$BACKEND_PORT/api/v1   (docs: http://localhost:$BACKEND_PORT/swagger-ui.html)
    Data:       $DM_DATA_DIR   (embedded PostgreSQL, generated keys: back it up)
MSG
if grep -q "first admin" "$backend_log"; then
  sed -n '/Dark Maximus 3: first admin/,/^=*$/p' "$backend_log"
else
  echo "  First admin: created on an earlier start (its password was printed then)."
fi
grep -q "Telegram bot is off" "$backend_log" && echo "  Telegram bot: off until TELEGRAM_BOT_TOKEN is set."
echo
echo "  Ctrl-C stops everything."
wait

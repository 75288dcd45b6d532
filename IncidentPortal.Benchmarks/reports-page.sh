#!/usr/bin/env bash
# Reports page: the real app (Release, Production) on the 100,000-incident benchmark database, the Reports page opened
# LOADS times by an incident manager in headless Chromium, timed from navigation to every section showing its figures.
# Usage: IncidentPortal.Benchmarks/reports-page.sh [loads=20] [port=5118]
# Env: SKIP_BUILD=1; PAGE_PATH (default /reports?range=last90); BENCH_POSTGRES (a PostgreSQL connection string of a
#      database seeded by `seed-incidents 100000`, see README) instead of a copy of the cached SQLite file (run
#      `dotnet run -c Release --project IncidentPortal.Benchmarks -- --filter '*Reports*'` once to build it).
set -euo pipefail
cd "$(dirname "$0")/.."
LOADS=${1:-20}; PORT=${2:-5118}
[ "${SKIP_BUILD:-}" = 1 ] || dotnet build IncidentPortal.Benchmarks -c Release -nologo -v q >/dev/null
if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then echo "port $PORT is already in use" >&2; exit 1; fi
DATA=$(mktemp -d /tmp/incidentportal-reports-XXXXXX)
APP=""
cleanup() { [ -n "$APP" ] && kill -TERM "$APP" 2>/dev/null; wait 2>/dev/null; rm -rf "$DATA"; }
trap cleanup EXIT

if [ -n "${BENCH_POSTGRES:-}" ]; then
  DB_ARGS=(--Database:Provider=Postgres "--Database:ConnectionString=$BENCH_POSTGRES")
else
  CACHED=$(ls -d "${TMPDIR:-/tmp}"/incidentportal-bench/100000-*/complete 2>/dev/null | tail -1)
  [ -n "$CACHED" ] || { echo "no cached benchmark database: run the Reports benchmarks once first" >&2; exit 1; }
  cp "$(dirname "$CACHED")/incidentportal.db" "$DATA/incidentportal.db"
  DB_ARGS=(--Database:Provider=Sqlite "--Database:DataDirectory=$DATA")
fi
ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  dotnet IncidentPortal/bin/Release/net10.0/IncidentPortal.dll --urls "http://127.0.0.1:$PORT" "${DB_ARGS[@]}" >"$DATA/app.log" 2>&1 &
APP=$!
for i in $(seq 1 240); do
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" && break
  kill -0 "$APP" 2>/dev/null || { cat "$DATA/app.log" >&2; echo "the app exited" >&2; exit 1; }
  [ "$i" = 240 ] && { echo "the app did not answer within 120 s" >&2; exit 1; }
  sleep 0.5
done
# The browser stands in for the user's own machine: niced, so on a small box it takes only what the server leaves.
${BROWSER_NICE:-nice -n 19} dotnet IncidentPortal.Benchmarks/bin/Release/net10.0/IncidentPortal.Benchmarks.dll reports-page \
  --url "http://127.0.0.1:$PORT" --loads "$LOADS" --path "${PAGE_PATH:-/reports?range=last90}"

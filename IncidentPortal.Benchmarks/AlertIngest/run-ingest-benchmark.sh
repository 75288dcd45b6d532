#!/usr/bin/env bash
# Sustained alert ingest over HTTP on 127.0.0.1 with wrk, then a check that every 202 is stored, then the raw
# single-row insert rate of the same SQLite file. Usage: run-ingest-benchmark.sh [seconds] [connections] [port]
# A warm-up run (WARM_SECONDS, default 20) comes first, on the same hot keys: the measured run sees a server whose
# code is compiled (tiered JIT settles after ~20 s under load) and whose repeated alerts already exist, as in production.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_TO_RUN=${1:-30}; CONNECTIONS=${2:-32}; PORT=${3:-5106}; WARM_SECONDS=${WARM_SECONDS:-20}
DATA=$(mktemp -d /tmp/incidentportal-ingest-XXXXXX)
command -v wrk >/dev/null || { echo "wrk is required (apt-get install wrk)" >&2; exit 1; }

[ "${SKIP_BUILD:-}" = 1 ] || dotnet build IncidentPortal.Benchmarks -c Release -nologo -v q >/dev/null
BENCH="dotnet IncidentPortal.Benchmarks/bin/Release/net10.0/IncidentPortal.Benchmarks.dll"

ASPNETCORE_ENVIRONMENT=Production Database__DataDirectory="$DATA" DemoData__Seed=${SEED_DEMO:-false} Logging__LogLevel__Default=Warning \
  env "Logging__LogLevel__IncidentPortal.Features.Alerts=Debug" \
  dotnet IncidentPortal/bin/Release/net10.0/IncidentPortal.dll --urls "http://127.0.0.1:$PORT" >"$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null; do sleep 0.5; done

KEY=$($BENCH alerts setup "$DATA/incidentportal.db")
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; warm-up $WARM_SECONDS s, then $SECONDS_TO_RUN s, $CONNECTIONS connections"
HOT_ID=$RANDOM
INGEST_KEY=$KEY HOT_ID=$HOT_ID RUN_ID=warm$RANDOM RESULT_FILE="$DATA/warm-up.txt" \
  wrk -t2 -c"$CONNECTIONS" -d"${WARM_SECONDS}s" -s IncidentPortal.Benchmarks/AlertIngest/ingest.lua \
  "http://127.0.0.1:$PORT/api/ingest/events" >/dev/null
INGEST_KEY=$KEY HOT_ID=$HOT_ID RUN_ID=run$RANDOM RESULT_FILE="$DATA/accepted.txt" \
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_TO_RUN}s" --latency -s IncidentPortal.Benchmarks/AlertIngest/ingest.lua \
  "http://127.0.0.1:$PORT/api/ingest/events"
kill $APP; wait $APP 2>/dev/null || true

STORED=0
# Every 202 of both runs must be stored.
$BENCH alerts verify "$DATA/incidentportal.db" "$(( $(cat "$DATA/warm-up.txt") + $(cat "$DATA/accepted.txt") ))" || STORED=$?
{ grep -o "Stored [0-9]* requests ([0-9]* new incidents) in [0-9.]* ms" "$DATA/app.log" | awk '{n++; r+=$2; ms+=$(NF-1)} END {if (n) printf "writer: %d batches, %.1f requests and %.1f ms per batch on average\n", n, r/n, ms/n}'; } || true
$BENCH alerts inserts "$DATA/incidentportal.db" 10
rm -rf "$DATA"
exit "$STORED"

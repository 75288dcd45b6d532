#!/usr/bin/env bash
# Live latency: the real app (Release, Production, demo data) on 127.0.0.1, N open pages of a live list in headless
# Chromium (one sign-in), R incidents/s reported through the REST API with the same sign-in, and the delay from each
# API 201 to the incident's title appearing on each page (p50/p95/p99, rows never shown).
# Usage: IncidentPortal.Benchmarks/live-latency.sh [pages=10] [rate=10] [seconds=20] [port=5117]
# Env: SKIP_BUILD=1, PAGE_PATH (default /queue?sort=created), HEADING (default Queue), USER_EMAIL (default
#      agent@demo.local), OUT_DIR, CHROMIUM (default /usr/bin/chromium), TARGET_P95 (ms, default 150).
# Other list: PAGE_PATH=/incidents/mine HEADING="My incidents" USER_EMAIL=reporter@demo.local.
set -euo pipefail
cd "$(dirname "$0")/.."
PAGES=${1:-10}; RATE=${2:-10}; SECONDS_=${3:-20}; PORT=${4:-5117}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
OUT=${OUT_DIR:-BenchmarkDotNet.Artifacts/live-latency/$(date -u +%Y%m%dT%H%M%SZ)}
DATA=$(mktemp -d /tmp/incidentportal-live-XXXXXX)
mkdir -p "$OUT"
[ -x "$CHROMIUM" ] || { echo "Chromium not found at $CHROMIUM (apt-get install -y chromium)" >&2; exit 1; }
if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then echo "port $PORT is already in use" >&2; exit 1; fi

APP=""; BENCH=""
cleanup() {
  [ -n "$BENCH" ] && kill -TERM -- "-$BENCH" 2>/dev/null || true
  if [ -n "$APP" ] && kill -0 "$APP" 2>/dev/null; then
    kill -TERM "$APP" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$APP" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$APP" 2>/dev/null || true
  fi
  [ -n "$BENCH" ] && kill -KILL -- "-$BENCH" 2>/dev/null || true
  rm -rf "$DATA"
}
trap cleanup EXIT

[ "${SKIP_BUILD:-}" = 1 ] || dotnet build IncidentPortal.Benchmarks -c Release -nologo -v q >/dev/null

ASPNETCORE_ENVIRONMENT=Production Database__DataDirectory="$DATA" DemoData__Seed=true Logging__LogLevel__Default=Warning \
  dotnet IncidentPortal/bin/Release/net10.0/IncidentPortal.dll --urls "http://127.0.0.1:$PORT" >"$OUT/app.log" 2>&1 &
APP=$!
for i in $(seq 1 240); do
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" && break
  kill -0 "$APP" 2>/dev/null || { echo "the app exited; see $OUT/app.log" >&2; exit 1; }
  [ "$i" = 240 ] && { echo "the app did not answer within 120 s" >&2; exit 1; }
  sleep 0.5
done

: >"$OUT/run.log" # exists before tail follows it
setsid timeout --kill-after=30s 15m \
  dotnet IncidentPortal.Benchmarks/bin/Release/net10.0/IncidentPortal.Benchmarks.dll live \
  --url "http://127.0.0.1:$PORT" --pages "$PAGES" --rate "$RATE" --seconds "$SECONDS_" --out "$OUT" --chromium "$CHROMIUM" \
  --path "${PAGE_PATH:-/queue?sort=created}" --heading "${HEADING:-Queue}" --user "${USER_EMAIL:-agent@demo.local}" \
  --target-p95 "${TARGET_P95:-150}" >"$OUT/run.log" 2>&1 &
BENCH=$!
tail -n +1 -f --pid="$BENCH" "$OUT/run.log" &
STATUS=0
wait "$BENCH" || STATUS=$?
sleep 0.5
[ "$STATUS" = 0 ] || echo "the run ended with exit $STATUS (4: target missed); app log: $OUT/app.log" >&2
exit "$STATUS"

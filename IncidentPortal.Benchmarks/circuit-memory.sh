#!/usr/bin/env bash
# Memory per open agent circuit: the real app (Release, Production, demo data) on 127.0.0.1, one sign-in whose cookies
# every page reuses, then the app's live managed heap after a full GC and its working set / private bytes with 0 open
# /queue circuits (after one warm-up visit, closed), then with each count of open, interactive queue pages.
# Usage: IncidentPortal.Benchmarks/circuit-memory.sh [counts, default 20,40] [port, default 5114]
# Env: SKIP_BUILD=1 (use the last Release build), OUT_DIR (default BenchmarkDotNet.Artifacts/circuit-memory/<UTC time>),
#      CHROMIUM (default /usr/bin/chromium), SETTLE (seconds after opening, default 10), MAX_MINUTES (default 25),
#      HEADING (the page's h1 that proves it rendered, default Queue), PAGE_PATH (default /queue).
# Needs Chromium (apt-get install -y chromium). See README.md, "Memory per circuit".
set -euo pipefail
cd "$(dirname "$0")/.."
COUNTS=${1:-20,40}; PORT=${2:-5114}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
OUT=${OUT_DIR:-BenchmarkDotNet.Artifacts/circuit-memory/$(date -u +%Y%m%dT%H%M%SZ)}
DATA=$(mktemp -d /tmp/incidentportal-circuits-XXXXXX)
mkdir -p "$OUT"
[ -x "$CHROMIUM" ] || { echo "Chromium not found at $CHROMIUM (apt-get install -y chromium)" >&2; exit 1; }
if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then echo "port $PORT is already in use" >&2; exit 1; fi

APP=""; BENCH=""
cleanup() {
  # Only what this script started: the measuring console's process group (Playwright's driver and Chromium), then the app.
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

# The app's own Release build, as production runs it (its runtimeconfig: Server GC). Demo data is seeded before it answers.
ASPNETCORE_ENVIRONMENT=Production Database__DataDirectory="$DATA" DemoData__Seed=true Logging__LogLevel__Default=Warning \
  dotnet IncidentPortal/bin/Release/net10.0/IncidentPortal.dll --urls "http://127.0.0.1:$PORT" >"$OUT/app.log" 2>&1 &
APP=$!
for i in $(seq 1 240); do
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" && break
  kill -0 "$APP" 2>/dev/null || { echo "the app exited; see $OUT/app.log" >&2; exit 1; }
  [ "$i" = 240 ] && { echo "the app did not answer within 120 s" >&2; exit 1; }
  sleep 0.5
done

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; app pid $APP; results in $OUT"
# setsid: its own process group (the console, Playwright's driver, which closes Chromium when it ends), so cleanup can
# end it; timeout bounds the whole measurement.
setsid timeout --kill-after=30s "${MAX_MINUTES:-25}m" \
  dotnet IncidentPortal.Benchmarks/bin/Release/net10.0/IncidentPortal.Benchmarks.dll circuits \
  --url "http://127.0.0.1:$PORT" --pid "$APP" --out "$OUT" --counts "$COUNTS" --chromium "$CHROMIUM" --settle "${SETTLE:-10}" \
  --path "${PAGE_PATH:-/queue}" --heading "${HEADING:-Queue}" \
  >"$OUT/run.log" 2>&1 &
BENCH=$!
tail -n +1 -f --pid="$BENCH" "$OUT/run.log" &
STATUS=0
wait "$BENCH" || STATUS=$?
sleep 0.5
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$STATUS" = 0 ] || echo "the measurement failed (exit $STATUS); app log: $OUT/app.log" >&2
exit "$STATUS"

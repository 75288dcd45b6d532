#!/usr/bin/env bash
# Measures the public status page with wrk on 127.0.0.1, in the same run as a bare Kestrel endpoint returning a static
# string (the machine's ceiling). The app runs in Release, Production, on a fresh demo database plus status-demo.sql.
# Usage: IncidentPortal.Benchmarks/status-wrk.sh [duration, default 20s] [connections, default 64]
# Target (issue 5): /status >= 10,000 req/s with p99 < 50 ms, and >= 60 % of the bare endpoint's rate.
set -euo pipefail
# (grep -c, not grep -q, after curl: -q stops reading early and pipefail then reports curl's broken pipe.)
duration=${1:-20s}
connections=${2:-64}
root=$(cd "$(dirname "$0")/.." && pwd)
data=$(mktemp -d)
app_port=${STATUS_WRK_APP_PORT:-5112}
bare_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$data"; }
trap cleanup EXIT

dotnet build -c Release "$root/IncidentPortal.Benchmarks" -v q -nologo >/dev/null
bin="$root/IncidentPortal.Benchmarks/bin/Release/net10.0"

wait_for() { for _ in $(seq 1 240); do curl -fs -o /dev/null "$1" && return 0; sleep 0.5; done; echo "$1 did not answer" >&2; exit 1; }

(cd "$root" && exec dotnet "$bin/IncidentPortal.dll" --urls "http://127.0.0.1:$app_port" --environment Production \
  --Database:DataDirectory="$data" --DemoData:Seed=true --StatusPage:RefreshSeconds=2 --Logging:LogLevel:Default=Warning) &
pids+=($!)
dotnet "$bin/IncidentPortal.Benchmarks.dll" minimal-kestrel "http://127.0.0.1:$bare_port" &
pids+=($!)
wait_for "http://127.0.0.1:$app_port/healthz"
wait_for "http://127.0.0.1:$bare_port/"
# The demo seeders finish after the app answers; the SQL builds on their rows.
for i in $(seq 1 120); do curl -fs "http://127.0.0.1:$app_port/status" | grep -c "Payroll system upgrade" >/dev/null && break; sleep 1; done
sqlite3 "$data/incidentportal.db" < "$root/IncidentPortal.Benchmarks/status-demo.sql"
# The periodic refresh (every 2 s here) picks the new content up.
for i in $(seq 1 60); do curl -fs "http://127.0.0.1:$app_port/status" | grep -c "Email delays for some users" >/dev/null && break; sleep 1; done
curl -fs "http://127.0.0.1:$app_port/status" | grep -c "Email delays for some users" >/dev/null || { echo "status page lacks the demo content" >&2; exit 1; }
# What every browser sends; the page is stored compressed in the output cache.
browser='Accept-Encoding: gzip, deflate, br, zstd'
# Warm both up (JIT, caches) before measuring.
wrk -t2 -c"$connections" -d3s "http://127.0.0.1:$bare_port/" >/dev/null
wrk -t2 -c"$connections" -d3s -H "$browser" "http://127.0.0.1:$app_port/status" >/dev/null

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== bare Kestrel endpoint (static string) =="
wrk -t2 -c"$connections" -d"$duration" --latency "http://127.0.0.1:$bare_port/" | tee "$data/bare.txt"
echo "== /status (browser Accept-Encoding: brotli from the cache) =="
wrk -t2 -c"$connections" -d"$duration" --latency -H "$browser" "http://127.0.0.1:$app_port/status" | tee "$data/status.txt"
echo "== /status without compression (clients that accept none) =="
wrk -t2 -c"$connections" -d"$duration" --latency "http://127.0.0.1:$app_port/status" | tee "$data/plain.txt"
echo "== /api/v2/summary.json =="
wrk -t2 -c"$connections" -d"$duration" --latency -H "$browser" "http://127.0.0.1:$app_port/api/v2/summary.json" | tee "$data/summary.txt"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
bare=$(awk '/Requests\/sec/ {print $2}' "$data/bare.txt")
status=$(awk '/Requests\/sec/ {print $2}' "$data/status.txt")
p99() { awk '/ 99%/ {print $2}' "$1"; }
python3 -c "print(f'/status: {float($status):,.0f} req/s = {100*float($status)/float($bare):.0f} % of the bare endpoint ({float($bare):,.0f} req/s); p99 $(p99 "$data/status.txt") (bare $(p99 "$data/bare.txt"))')"
echo "/status uncompressed: $(awk '/Requests\/sec/ {print $2}' "$data/plain.txt") req/s, p99 $(p99 "$data/plain.txt"); summary.json: $(awk '/Requests\/sec/ {print $2}' "$data/summary.txt") req/s, p99 $(p99 "$data/summary.txt")"

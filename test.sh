#!/usr/bin/env bash
# Checks formatting and code style, then runs every test (unit, integration, end-to-end) on a fresh machine of our
# kind (Debian 12, .NET SDK 10).
# Installs what it needs when absent: Chromium for the Playwright tests.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
    echo "The .NET SDK is required (see global.json)." >&2
    exit 1
fi

if [ ! -x /usr/bin/chromium ] && [ -z "${PLAYWRIGHT_CHROMIUM_PATH:-}" ]; then
    echo "Installing Chromium for the end-to-end tests..."
    if command -v apt-get >/dev/null 2>&1; then
        SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
        $SUDO apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
    else
        # Machines with internet and no apt: Playwright's own browser build.
        dotnet build IncidentPortal.Tests -c Release -nologo -v q
        pwsh IncidentPortal.Tests/bin/Release/net10.0/playwright.ps1 install chromium
    fi
fi

# The alert-ingestion end-to-end test drives a real Prometheus Alertmanager (Debian's package).
if [ ! -x /usr/bin/prometheus-alertmanager ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Prometheus Alertmanager for the alert-ingestion end-to-end test..."
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq prometheus-alertmanager >/dev/null
    # Only the binary is needed: the tests start their own instance with their own config.
    $SUDO systemctl disable --now prometheus-alertmanager >/dev/null 2>&1 || true
fi

# Layout and code style first: the rules in .editorconfig, checked the way `dotnet format` applies them.
echo "Checking formatting and code style (dotnet format --verify-no-changes)..."
for check in whitespace style; do
    if ! dotnet format "$check" IncidentPortal.sln --verify-no-changes; then
        echo "" >&2
        echo "FAILED: 'dotnet format $check' found code that does not follow .editorconfig (listed above)." >&2
        echo "Fix it with 'dotnet format IncidentPortal.sln' and commit the result." >&2
        exit 1
    fi
done

dotnet build IncidentPortal.sln -c Release -nologo -v q
# The log is long and CI may only show its end: repeat the names of failed tests there.
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
dotnet test IncidentPortal.sln -c Release --no-build -nologo --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log" || status=$?
if [ "$status" -ne 0 ]; then
    echo "" >&2
    echo "FAILED tests (details above):" >&2
    grep -E '^\s+Failed IncidentPortal\.' "$log" | sed 's/^ */  /' >&2 || echo "  (none reported: the run itself failed)" >&2
fi
exit "$status"

#!/usr/bin/env bash
# Browser end-to-end tests of the ServiceBot web front end.
#
#   SERVICEBOT_URL=http://127.0.0.1:5000 bash tests/e2e/run.sh   # against a server started by the caller
#   bash tests/e2e/run.sh                                         # starts the server itself:
#       dotnet run --project src/ServiceBot.Server -- --urls http://127.0.0.1:<free port>
#       with ServiceBot__DatabasePath in a temp directory, waiting for GET /healthz = 200
#
# The restart scenario always runs a server of its own (it kills and restarts it on the same port
# and database); SERVICEBOT_E2E_SKIP_RESTART=1 skips it. Needs Node.js 20+ and Chromium
# (Debian: apt-get install -y chromium; or set CHROMIUM_PATH). Screenshots go to docs/.
# The last line printed is "N passed, N failed"; the exit code is 1 when any failed.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

if ! command -v node >/dev/null 2>&1; then
  echo "e2e: node is not installed (Node.js 20 or newer is needed)." >&2
  echo "0 passed, 1 failed"
  exit 1
fi

export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM_PATH" ]; then
  echo "e2e: no Chromium at $CHROMIUM_PATH. Install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH." >&2
  echo "0 passed, 1 failed"
  exit 1
fi

# Dependencies (playwright-core only): install when missing or when the lock file changed.
if [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

exec node e2e.mjs

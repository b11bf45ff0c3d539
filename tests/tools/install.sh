#!/usr/bin/env bash
# Installs, idempotently, the command-line tools the .NET tests call:
#   tests/tools/node_modules/.bin/action-validator       lints .github/workflows (ServiceBot.Infrastructure.Tests)
#   src/ServiceBot.Infrastructure/node_modules/.bin/cdk   the CDK CLI, for `cdk synth` of the app (same tests)
# Both come from npm with their lock files; node 20+ is needed.
# Usage: tests/tools/install.sh
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd ../.. && pwd)

npm_ci() {
  # npm ci only when the installed tree is missing or older than the lock file.
  (
    cd "$1"
    if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
      npm ci --no-audit --no-fund --loglevel=error
    fi
  )
}

if ! command -v npm >/dev/null 2>&1; then
  echo "tests/tools/install.sh needs node and npm (node 20 or newer)." >&2
  exit 1
fi

npm_ci "$root/tests/tools"
npm_ci "$root/src/ServiceBot.Infrastructure"
echo "$root/tests/tools/node_modules/.bin/action-validator"
echo "$root/src/ServiceBot.Infrastructure/node_modules/.bin/cdk"

#!/usr/bin/env bash
# Runs every test of ServiceBot, installing first what the tests need (Chromium for the browser tests).
# Usage: ./test.sh            everything
#        ./test.sh --dotnet   only the .NET test projects
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
results="$root/.test-results"
rm -rf "$results" && mkdir -p "$results"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

only_dotnet=false
[ "${1:-}" = "--dotnet" ] && only_dotnet=true

passed=0; failed=0
tally() { passed=$((passed + $1)); failed=$((failed + $2)); }

step() { printf '\n== %s\n' "$*"; }

install_browser() {
  if ! command -v chromium >/dev/null 2>&1; then
    step "installing Chromium for the browser tests"
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
      sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    fi
  fi
}

step "installing test services (DynamoDB Local) and tools (workflow linter, CDK CLI)"
bash tests/dynamodb-local/install.sh
bash tests/tools/install.sh

step "building"
dotnet build ServiceBot.slnx -c Debug -nologo -clp:ErrorsOnly

step ".NET tests"
for project in tests/ServiceBot.*.Tests; do
  name=$(basename "$project")
  log="$results/$name.log"
  set +e
  dotnet test "$project" --no-build -nologo --logger "console;verbosity=normal" >"$log" 2>&1
  code=$?
  set -e
  p=$(sed -nE 's/^ +Passed: +([0-9]+)$/\1/p' "$log" | tail -n 1); p=${p:-0}
  f=$(sed -nE 's/^ +Failed: +([0-9]+)$/\1/p' "$log" | tail -n 1); f=${f:-0}
  if [ "$code" != 0 ] && [ "$f" = 0 ]; then f=1; fi
  tally "$p" "$f"
  printf '%-32s %s passed, %s failed\n' "$name" "$p" "$f"
  if [ "$f" != 0 ]; then grep -E -A12 '^ +Failed [A-Z]' "$log" | head -n 80 || tail -n 60 "$log"; fi
done

if [ "$only_dotnet" = false ] && [ -f frontend/package.json ]; then
  step "front-end unit tests"
  (cd frontend && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; })
  set +e
  (cd frontend && NO_COLOR=1 FORCE_COLOR=0 npx vitest run) >"$results/frontend.log" 2>&1
  code=$?
  set -e
  p=$(sed -nE 's/^ *Tests +.*[^0-9]([0-9]+) passed.*/\1/p' "$results/frontend.log" | tail -n 1); p=${p:-0}
  f=$(sed -nE 's/^ *Tests +([0-9]+) failed.*/\1/p' "$results/frontend.log" | tail -n 1); f=${f:-0}
  if [ "$code" != 0 ] && [ "$f" = 0 ]; then f=1; fi
  tally "$p" "$f"
  printf '%-32s %s passed, %s failed\n' "frontend (vitest)" "$p" "$f"
  [ "$f" = 0 ] || tail -n 40 "$results/frontend.log"

  if [ -x tests/e2e/run.sh ]; then
    install_browser
    step "browser tests (Chromium)"
    set +e
    tests/e2e/run.sh >"$results/e2e.log" 2>&1
    code=$?
    set -e
    line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$results/e2e.log" | tail -n 1)
    p=$(sed -nE 's/^([0-9]+) passed.*/\1/p' <<<"$line"); p=${p:-0}
    f=$(sed -nE 's/.* ([0-9]+) failed.*/\1/p' <<<"$line"); f=${f:-0}
    if [ "$code" != 0 ] && [ "$f" = 0 ]; then f=1; fi
    tally "$p" "$f"
    printf '%-32s %s passed, %s failed\n' "e2e (Chromium)" "$p" "$f"
    [ "$f" = 0 ] || tail -n 40 "$results/e2e.log"
  fi
fi

echo
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]

#!/usr/bin/env bash
# Runs every test of ServiceBot, installing first what the tests need (DynamoDB Local, the CDK CLI, Chromium for the
# browser tests).
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

# Each step says when it began (seconds into the run), so a slow run shows where its time went.
step() { printf '\n== [%4ss] %s\n' "$SECONDS" "$*"; }

# Installs a Debian package the tests need when its command is missing.
apt_install() {
  local package=$1
  if ! command -v "$package" >/dev/null 2>&1; then
    step "installing $package"
    local sudo=; [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
  fi
}

step "installing test services (DynamoDB Local) and tools (workflow linter, CDK CLI)"
bash tests/dynamodb-local/install.sh
bash tests/tools/install.sh

step "building"
dotnet build ServiceBot.slnx -c Debug -nologo -clp:ErrorsOnly

# Runs `dotnet test` with the given arguments, logs it as NAME and adds its counts to the tally.
dotnet_tests() {
  local name=$1; shift
  local log="$results/$name.log" started=$SECONDS
  set +e
  dotnet test "$@" --no-build -nologo --logger "console;verbosity=normal" >"$log" 2>&1
  local code=$?
  set -e
  local p f
  p=$(sed -nE 's/^ +Passed: +([0-9]+)$/\1/p' "$log" | tail -n 1); p=${p:-0}
  f=$(sed -nE 's/^ +Failed: +([0-9]+)$/\1/p' "$log" | tail -n 1); f=${f:-0}
  if [ "$code" != 0 ] && [ "$f" = 0 ]; then f=1; fi
  tally "$p" "$f"
  printf '%-32s %s passed, %s failed (%ss)\n' "$name" "$p" "$f" "$((SECONDS - started))"
  if [ "$f" != 0 ]; then grep -E -A12 '^ +Failed [A-Z]' "$log" | head -n 80 || tail -n 60 "$log"; fi
}

step ".NET tests"
for project in tests/ServiceBot.*.Tests; do
  dotnet_tests "$(basename "$project")" "$project"
done

# The Lambda package as deployed: Native AOT, Claude's SDK included. The process tests run against the bootstrap.
step "Native AOT Lambda package: publish, then the process tests against its bootstrap"
case "$(uname -m)" in aarch64|arm64) arch=arm64 ;; *) arch=x86_64 ;; esac
if src/ServiceBot.Lambda/publish.sh "$arch" >"$results/lambda-publish.log" 2>&1; then
  printf '%-32s %s\n' "bootstrap" "$(du -h "artifacts/lambda/$arch/bootstrap" | cut -f1)"
  export SERVICEBOT_LAMBDA_BOOTSTRAP="$root/artifacts/lambda/$arch/bootstrap"
  dotnet_tests "ServiceBot.Lambda.NativeAot" tests/ServiceBot.Lambda.Tests --filter "FullyQualifiedName~ProcessConversation"
  unset SERVICEBOT_LAMBDA_BOOTSTRAP
else
  tally 0 1
  echo "the Native AOT publish failed:"; tail -n 40 "$results/lambda-publish.log"
fi

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
    apt_install chromium
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
echo "$passed passed, $failed failed in ${SECONDS}s"
[ "$failed" = 0 ]

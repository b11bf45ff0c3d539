#!/usr/bin/env bash
# Publishes the Lambda package for provided.al2023 into artifacts/lambda/, where the CDK app takes it from:
#   artifacts/lambda/ARCH/bootstrap        Native AOT: every function (the fastest cold start)
#   artifacts/lambda/ARCH-r2r/bootstrap    self-contained ReadyToRun: the message function, because the Anthropic
#                                          SDK (Claude) does not work under Native AOT
# Usage: src/ServiceBot.Lambda/publish.sh [x86_64|arm64] [all|aot|r2r]      (defaults: x86_64 all)
# Needs: the .NET 10 SDK; for aot also clang and zlib (Debian/Ubuntu: apt-get install clang zlib1g-dev), and for
#        arm64 on an x64 machine an arm64 cross linker and sysroot (docs/deploy.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
arch=${1:-x86_64}
what=${2:-all}
case "$arch" in
  x86_64) rid=linux-x64 ;;
  arm64) rid=linux-arm64 ;;
  *) echo "usage: $0 [x86_64|arm64] [all|aot|r2r]" >&2; exit 2 ;;
esac

if [ "$what" = all ] || [ "$what" = aot ]; then
  out="artifacts/lambda/$arch"
  rm -rf "$out"
  dotnet publish src/ServiceBot.Lambda -c Release -r "$rid" -p:PublishAot=true -o "$out" -nologo -clp:ErrorsOnly
  # Only the executable goes to Lambda: no symbols.
  find "$out" -type f ! -name bootstrap -delete
  ls -l "$out/bootstrap"
fi

if [ "$what" = all ] || [ "$what" = r2r ]; then
  out="artifacts/lambda/$arch-r2r"
  rm -rf "$out"
  dotnet publish src/ServiceBot.Lambda -c Release -r "$rid" --self-contained -p:PublishReadyToRun=true -o "$out" -nologo -clp:ErrorsOnly
  find "$out" -type f -name '*.pdb' -delete
  du -sh "$out"
fi

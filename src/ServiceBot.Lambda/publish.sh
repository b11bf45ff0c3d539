#!/usr/bin/env bash
# Publishes the Lambda package as a Native AOT `bootstrap` for provided.al2023 into artifacts/lambda/ARCH,
# where the CDK app (src/ServiceBot.Infrastructure) takes it from.
# Usage: src/ServiceBot.Lambda/publish.sh [x86_64|arm64]      (default x86_64)
# Needs: the .NET 10 SDK, clang and zlib (Debian/Ubuntu: apt-get install clang zlib1g-dev);
#        for arm64 on an x64 machine also an arm64 cross linker and sysroot (see docs/deploy.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
arch=${1:-x86_64}
case "$arch" in
  x86_64) rid=linux-x64 ;;
  arm64) rid=linux-arm64 ;;
  *) echo "usage: $0 [x86_64|arm64]" >&2; exit 2 ;;
esac
out="artifacts/lambda/$arch"
rm -rf "$out"
dotnet publish src/ServiceBot.Lambda -c Release -r "$rid" -p:PublishAot=true -o "$out" -nologo -clp:ErrorsOnly "${@:2}"
# Only the executable goes to Lambda: no symbols, no deps files.
find "$out" -type f ! -name bootstrap -delete
ls -l "$out/bootstrap"

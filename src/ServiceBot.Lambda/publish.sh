#!/usr/bin/env bash
# Publishes the Lambda package for provided.al2023 into artifacts/lambda/ARCH/bootstrap, where the CDK app takes it
# from: one Native AOT executable for every function (the handler picks the function).
# Usage: src/ServiceBot.Lambda/publish.sh [x86_64|arm64]      (default: x86_64)
# Needs: the .NET 10 SDK and a C toolchain to link with: clang, else gcc (Debian/Ubuntu: apt-get install clang), and
#        for arm64 on an x64 machine an arm64 cross linker and sysroot (docs/deploy.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
arch=${1:-x86_64}
case "$arch" in
  x86_64) rid=linux-x64 ;;
  arm64) rid=linux-arm64 ;;
  *) echo "usage: $0 [x86_64|arm64]" >&2; exit 2 ;;
esac

linker=()
if ! command -v clang >/dev/null 2>&1 && [ "$arch" = x86_64 ]; then
  linker=(-p:CppCompilerAndLinker=gcc)   # Native AOT links with clang by default; gcc links the same package
fi

out="artifacts/lambda/$arch"
rm -rf "$out"
dotnet publish src/ServiceBot.Lambda -c Release -r "$rid" -p:PublishAot=true "${linker[@]}" -o "$out" -nologo -clp:ErrorsOnly
# Only the executable goes to Lambda: no symbols.
find "$out" -type f ! -name bootstrap -delete
ls -l "$out/bootstrap"

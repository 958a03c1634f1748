#!/usr/bin/env bash
# Runs every test of the solution: installs and starts what the tests need (PostgreSQL, RabbitMQ, Chromium, from
# Debian's packages, see infra.sh), then `dotnet test` over Orchestration.sln with TRX results in TestResults/.
# Extra arguments go to `dotnet test` (e.g. --filter "Category!=Integration").
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ "$(id -u)" -eq 0 ]; then
  bash deploy/local/infra.sh up
else
  echo "[run-tests] not root: assuming PostgreSQL and RabbitMQ are already running (deploy/local/infra.sh up as root starts them)"
fi

rm -rf TestResults
# Every host the tests start writes its logs and sent messages here; the privacy scan reads them at the end.
export Orchestration__CaptureDirectory="$PWD/TestResults/capture"
started=$(date +%s)
status=0
if [ "$#" -eq 0 ]; then
  dotnet test Orchestration.sln --results-directory TestResults --filter "Category!=PrivacyScan" || status=$?
  echo "[run-tests] scanning the suite's logs and messages for personnummer"
  dotnet test tests/Orchestration.Host.Tests --no-build --logger "trx;LogFilePrefix=privacy" --results-directory TestResults \
    --filter "Category=PrivacyScan" || status=$?
else
  dotnet test Orchestration.sln --results-directory TestResults "$@" || status=$?
fi
echo "[run-tests] dotnet test finished in $(( $(date +%s) - started )) s with exit code $status"
exit $status

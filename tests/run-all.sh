#!/usr/bin/env bash
# The one test command (README.md and .ci/run call it): installs the peers, builds everything warnings-as-errors,
# runs every test project against the real peers.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
"$root/tests/install-peers.sh"
dotnet build EdgeAgent.sln -c Release -v q -nologo
# One test assembly at a time (-m:1): the suites start real peers and time-sensitive subscriptions, and a 2-core
# machine running every assembly at once starves them. A hung test is dumped and stopped instead of stalling CI.
dotnet test EdgeAgent.sln -c Release --no-build -nologo -m:1 --blame-hang-timeout 10m "$@"

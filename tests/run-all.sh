#!/usr/bin/env bash
# The one test command (README.md and .ci/run call it): installs the peers, builds everything warnings-as-errors,
# runs every test project against the real peers.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
"$root/tests/install-peers.sh"
dotnet build EdgeAgent.sln -c Release -v q -nologo
dotnet test EdgeAgent.sln -c Release --no-build -v q -nologo "$@"
